/**
 * Quick fixes that edit a Kubernetes file as a whole (the generic ones in ../fixes.ts edit the
 * milvus.yaml embedded in it): a replacement worked out when the finding was made, applied only
 * while the text is unchanged there, and moving Milvus keys from a values file's root into
 * extraConfigFiles.user.yaml through the one YAML edit engine (src/core/edit).
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { EmbeddedRegion } from '../../deployment';
import type { DesiredValue } from '../../edit/milvusYamlEdits';
import { planEmbeddedValues } from '../../edit/embeddedEdits';
import { EditPlanError } from '../../edit/errors';
import { lineEndOf, lineStartOf } from '../../edit/yamlText';
import { parseManifestFile } from '../../kubernetes/manifestFile';
import type { NodeRef } from '../../kubernetes/yamlNodes';
import { at, child, entries, keyRangeOf, nodeRange, text as scalarOf } from '../../kubernetes/yamlNodes';
import type { Fix, TextEdit } from '../fixes';
import type { FixData } from '../types';

const MAX_LEAVES = 200;

/** The scalar leaves under a node, as paths below it (bounded; a list is one value, as Milvus joins it). */
function leavesOf(ref: NodeRef, path: string[], out: DesiredValue[], seen: Set<unknown>): void {
  if (out.length >= MAX_LEAVES || seen.has(ref.node)) return;
  seen.add(ref.node);
  if (isMap(ref.node)) {
    for (const entry of entries(ref)) leavesOf(entry.value, [...path, entry.key], out, seen);
    return;
  }
  if (isScalar(ref.node) && !isSeq(ref.node)) out.push({ path, value: scalarOf(ref) ?? '' });
}

function moveIntoUserYaml(text: string, path: string[], region: EmbeddedRegion | undefined, label: string): Fix[] {
  const doc = parseManifestFile(text).documents.find((candidate) => candidate.document.contents !== null);
  if (!doc || path.length === 0) return [];
  const parent = at(doc.root, ...path.slice(0, -1));
  const key = path[path.length - 1] ?? '';
  const node = child(parent, key);
  const keyRange = keyRangeOf(parent, key);
  if (!node || !keyRange) return [];
  const desired: DesiredValue[] = [];
  leavesOf(node, path, desired, new Set());
  if (desired.length === 0) return [];
  try {
    const plan = planEmbeddedValues({ text, doc, flavour: 'helm', region: region?.style === 'empty' ? undefined : region, label }, desired);
    const valueRange = nodeRange(node.node);
    const end = lineEndOf(text, Math.max((valueRange?.end ?? keyRange.end) - 1, keyRange.end));
    const removal: TextEdit = { start: lineStartOf(text, keyRange.start), end, newText: '' };
    if (plan.edits.some((edit) => edit.start < removal.end && edit.end > removal.start)) return [];
    return [{ title: `Move ${path.join('.')} into extraConfigFiles.user.yaml`, edits: [removal, ...plan.edits], preferred: true }];
  } catch (error) {
    if (error instanceof EditPlanError) return [];
    throw error;
  }
}

/** Fixes for the Kubernetes-level fix data; [] for the milvus.yaml-level ones (../fixes.ts). */
export function kubernetesFixesFor(text: string, data: FixData, region: EmbeddedRegion | undefined, label: string): Fix[] {
  switch (data.fix) {
    case 'replace-text':
      if (text.slice(data.start, data.end) !== data.expected) return [];
      return [{ title: data.title, edits: [{ start: data.start, end: data.end, newText: data.newText }], preferred: true }];
    case 'move-into-user-yaml':
      return moveIntoUserYaml(text, data.path, region, label);
    default:
      return [];
  }
}
