/** "1 day", "2 days": English plurals of a count and a regular noun. */
export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 || count === -1 ? '' : 's'}`;
}
