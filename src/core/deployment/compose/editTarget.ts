/**
 * Which of a project's compose files an edit to a service belongs in. Users keep the shipped compose
 * file pristine and add their own mounts and ports in an override: an edit goes where the service's
 * list already lives, and when more than one file writes that list, the front asks (Enable TLS) or
 * takes the last one Compose merges (a quick fix). Included files are left alone: their relative
 * paths resolve against their own folder, and they are usually someone else's.
 */
import type { ComposeService } from '../../compose';
import type { ComposeProject } from './composeProject';

export type ServiceListField = 'volumes' | 'ports' | 'environment';

export interface ServiceEditTarget {
  /** The file to edit (the last candidate when there are several). */
  file: string;
  /** Files of the project that already write the field for the service, in merge order. */
  candidates: string[];
  /** True when several files write it and the user should choose. */
  ambiguous: boolean;
}

function writesField(definition: ComposeService, field: ServiceListField): boolean {
  switch (field) {
    case 'volumes':
      return definition.volumesKeyRange !== undefined;
    case 'environment':
      return definition.environmentKeyRange !== undefined;
    case 'ports':
      return definition.ports.length > 0 || definition.tags.some((tag) => tag.field === 'ports');
  }
}

export function serviceEditTarget(project: ComposeProject, service: ComposeService, field: ServiceListField): ServiceEditTarget {
  const own = (service.definitions ?? [service]).filter(
    (definition) => definition.definedIn !== undefined && project.files.includes(definition.definedIn.fileName),
  );
  const files = (definitions: readonly ComposeService[]): string[] =>
    [...new Set(definitions.map((definition) => definition.definedIn?.fileName ?? ''))].filter((file) => file !== '');
  const candidates = files(own.filter((definition) => writesField(definition, field)));
  const last = candidates[candidates.length - 1];
  if (last !== undefined) return { file: last, candidates, ambiguous: candidates.length > 1 };
  // No file writes the list yet: the last project file that defines the service (the override, if it does).
  const defining = files(own);
  const file = defining[defining.length - 1] ?? project.files[0] ?? project.dir;
  return { file, candidates: [], ambiguous: false };
}
