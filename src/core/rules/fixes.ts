/**
 * Quick fixes from a finding's data. Every edit comes from the one YAML edit engine (src/core/edit),
 * so line endings, indentation width and quoting follow the file, comments stay, and a layout the
 * engine cannot edit safely yields no fix rather than a broken one.
 */
import type { TextEdit } from '../edit';
import type { EmbeddedLayout } from '../edit/milvusYamlEdits';
import { EditPlanError, formatScalar, planAddServiceVolume, planConfigValues, planMoveBlockToTop } from '../edit';
import type { CommandInvocation, GenerateCertificatesArguments } from '../../shared/protocol';
import { Commands } from '../../shared/protocol';
import type { FixData } from './types';

export type { TextEdit } from '../edit';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** A client command instead of (or after) the edit. */
  command?: CommandInvocation;
  preferred?: boolean;
}

/** Where a generated set should go, when the finding knows: the folder behind the container path. */
export interface GenerateTarget {
  containerPath: string;
  hostPath?: string;
}

function generateCommand(target: GenerateTarget | undefined): Fix {
  const folderOf = (path: string): string => path.replace(/[\\/][^\\/]*$/, '') || path;
  const args: GenerateCertificatesArguments = target
    ? {
        containerPath: folderOf(target.containerPath),
        ...(target.hostPath !== undefined ? { outputFolder: folderOf(target.hostPath) } : {}),
      }
    : {};
  return {
    title: 'Generate Certificates…',
    edits: [],
    command: { command: Commands.generateCertificates, title: 'Generate Certificates…', arguments: [args] },
  };
}

/** The engine's edits for setting keys, or undefined when it refuses the layout. */
/**
 * For a milvus.yaml embedded in another file (kubernetes/embeddedYaml.ts): `text` is the outer text
 * blanked around it, and new top-level keys take its indentation, not column 0.
 */
export interface FixOptions {
  embedded?: EmbeddedLayout;
}

function setValues(text: string, values: readonly { key: string; value: string }[], embedded?: EmbeddedLayout): TextEdit[] | undefined {
  try {
    return planConfigValues(
      text,
      values.map(({ key, value }) => ({ path: key.split('.'), value })),
      'the file',
      embedded,
    ).edits;
  } catch (error) {
    if (error instanceof EditPlanError) return undefined;
    throw error;
  }
}

function fix(title: string, edits: TextEdit[] | undefined, preferred = false): Fix[] {
  return edits && edits.length > 0 ? [{ title, edits, ...(preferred ? { preferred } : {}) }] : [];
}

function lastSegment(key: string): string {
  return key.split('.').pop() ?? key;
}

export function fixesFor(text: string, data: FixData, range: { start: number; end: number }, options: FixOptions = {}): Fix[] {
  switch (data.fix) {
    case 'set-value':
      // The values may come from a certificate (its DNS names): one with a line break is not offered.
      return data.values
        .filter((value) => !/[\p{Cc}\u2028\u2029]/u.test(value))
        .flatMap((value) =>
          fix(
            `Set ${lastSegment(data.key)} to ${value === '' ? 'empty' : value}`,
            setValues(text, [{ key: data.key, value }], options.embedded),
          ),
        )
        .map((candidate, index) => ({ ...candidate, ...(index === 0 ? { preferred: true } : {}) }));
    case 'rest-port':
      return [
        ...fix(
          'Serve REST on its own port: proxy.http.port: 8080',
          setValues(text, [{ key: data.httpPortKey, value: '8080' }], options.embedded),
          true,
        ),
        ...fix(
          'Turn REST off: proxy.http.enabled: false',
          setValues(text, [{ key: data.httpEnabledKey, value: 'false' }], options.embedded),
        ),
      ];
    case 'add-key':
      return [
        ...fix(`Set ${data.key}: ${data.value}`, setValues(text, [{ key: data.key, value: data.value }], options.embedded), true),
        ...(data.generate ? [generateCommand(data.target)] : []),
      ];
    case 'rename-key': {
      const edits: TextEdit[] = [{ ...range, newText: formatScalar(data.replacement) }];
      if (data.value !== undefined && data.valueRange) edits.push({ ...data.valueRange, newText: formatScalar(data.value) });
      return [{ title: `Rename to ${data.replacement}${data.value !== undefined ? `: ${data.value}` : ''}`, edits, preferred: true }];
    }
    case 'move-block':
      try {
        return fix(
          `Move ${data.from[data.from.length - 1] ?? ''}: to the top level`,
          planMoveBlockToTop(text, data.from, 'the file', options.embedded?.rootIndent),
          true,
        );
      } catch (error) {
        if (error instanceof EditPlanError) return [];
        throw error;
      }
    case 'generate-certificates':
      return [generateCommand({ containerPath: data.containerPath, ...(data.hostPath !== undefined ? { hostPath: data.hostPath } : {}) })];
    case 'add-volume':
      // Its edit is in the compose file: see composeFixesFor (the caller has that file's text).
      return [];
    case 'replace-text':
    case 'move-into-user-yaml':
      // Edits of a whole Kubernetes file, not of the milvus.yaml in it: see kubernetes/fixes.ts.
      return [];
  }
}

/** The compose-file half: mount a folder so a config path reaches a workspace file. */
export function composeFixesFor(composeText: string, data: Extract<FixData, { fix: 'add-volume' }>): TextEdit[] {
  try {
    return planAddServiceVolume(
      composeText,
      data.service,
      { hostPath: data.hostPath, containerPath: data.containerPath, readOnly: data.readOnly ?? true },
      data.composeFile,
    );
  } catch (error) {
    if (error instanceof EditPlanError) return [];
    throw error;
  }
}
