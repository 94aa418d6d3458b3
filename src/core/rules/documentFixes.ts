/**
 * The quick fixes of a finding in the document it was found in, wherever its milvus.yaml lives:
 * the document itself, or a milvus.yaml embedded in a Kubernetes file, which is edited through its
 * blanked copy (same offsets as the file) at its own indentation. Shared by the language server and
 * the tests, so both route a fix the same way.
 */
import { detectIndentUnit } from '../edit/yamlText';
import { maskOutside } from '../kubernetes/embeddedYaml';
import type { Fix } from './fixes';
import { fixesFor } from './fixes';
import type { Analysis } from './index';
import { kubernetesFixesFor } from './kubernetes/fixes';
import type { FixData } from './types';

/** The milvus.yaml analysis a position belongs to: the embedded one around it (its key included), else the document's own. */
export function analysisAt(analyses: readonly Analysis[], offset: number): Analysis | undefined {
  const embedded = analyses.find((analysis) => {
    const region = analysis.context.document.embedded;
    return region !== undefined && offset >= Math.min(region.keyRange.start, region.range.start) && offset <= region.range.end;
  });
  return embedded ?? analyses.find((analysis) => analysis.context.document.embedded === undefined);
}

export function documentFixes(
  text: string,
  data: FixData,
  range: { start: number; end: number },
  analyses: readonly Analysis[],
  label: string,
): Fix[] {
  const analysis = analysisAt(analyses, range.start);
  const embedded = analysis?.context.document.embedded;
  const kubernetes = kubernetesFixesFor(text, data, embedded ?? analyses[0]?.context.document.embedded, label);
  if (kubernetes.length > 0) return kubernetes;
  // Outside any milvus.yaml (a Secret's line): only fixes that are commands.
  if (!analysis) return fixesFor('', data, range).filter((fix) => fix.edits.length === 0);
  if (!embedded) return fixesFor(text, data, range);
  const editable = embedded.notEditable === undefined && (embedded.style === 'literal' || embedded.style === 'block-mapping');
  // Commands (Generate Certificates…) need no edit; edits need a milvus.yaml that can be edited in place.
  return fixesFor(maskOutside(text, embedded.range.start, embedded.range.end), data, range, {
    embedded: { rootIndent: embedded.indent, indentUnit: detectIndentUnit(text) },
  }).filter((fix) => editable || fix.edits.length === 0);
}
