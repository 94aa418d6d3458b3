/**
 * The file names Docker Compose looks for in a folder. Which of them a project loads, and in what
 * order, is decided once, in src/core/deployment/compose/composeSelection.ts.
 */

/** Docker Compose's default file names, in its order of preference within one folder (compose-go cli DefaultFileNames). */
export const COMPOSE_FILE_NAMES: readonly string[] = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/**
 * The override file Compose adds beside whichever default file it picked, in its order of preference
 * (DefaultOverrideFileNames). An override file alone is not a project: Compose keeps looking upwards.
 */
export const COMPOSE_OVERRIDE_FILE_NAMES: readonly string[] = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];

/** A default compose file or an override file, by name (either path flavour). */
export function isComposeFileName(fileName: string): boolean {
  const name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  return COMPOSE_FILE_NAMES.includes(name) || COMPOSE_OVERRIDE_FILE_NAMES.includes(name);
}
