/**
 * The milvus.yaml rules: one engine for the language server and `milvus-tls check`. Pure: the
 * deployment model (src/core/deployment) has already read every file the rules look at.
 */
import type { RuleContext } from './context';
import { buildContext } from './context';
import { dependencyRules } from './dependencies';
import { environmentRules } from './environment';
import { mountingRules } from './mounting';
import { fileContentRules } from './fileContent';
import { pairRules } from './pairs';
import type { PathReference } from './pathReferences';
import { activePathReferences } from './pathReferences';
import { requiredFileRules } from './requiredFiles';
import { restPortRules } from './restPort';
import { structureRules } from './structure';
import { syntaxRules } from './syntax';
import { tlsModeRules } from './tlsMode';
import type { CheckInput, RuleFinding } from './types';

export type { CheckInput, FixData, RuleFinding, RuleSeverity } from './types';
export type { RuleContext } from './context';
export { buildContext, entryInDocument, DocumentNotInDeploymentError } from './context';
export type { PathReference } from './pathReferences';
export { activePathReferences, documentPathReferences, displayHostPath } from './pathReferences';
export { RULES } from './ruleTable';
export type { RuleCode, RuleDescription } from './ruleTable';

export interface Analysis {
  context: RuleContext;
  findings: RuleFinding[];
  /** The files Milvus loads that were checked here: re-check when one of them changes. */
  references: PathReference[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, information: 2, hint: 3 } as const;

export function analyseMilvusConfig(input: CheckInput): Analysis {
  const context = buildContext(input);
  const findings = syntaxRules(context);
  // A file Milvus cannot parse fails before any TLS setting matters; the model of it is a guess.
  if (!findings.some((finding) => finding.code === 'yaml-syntax' || finding.code === 'yaml-not-a-mapping')) {
    const references = activePathReferences(context);
    findings.push(
      ...tlsModeRules(context),
      ...restPortRules(context),
      ...requiredFileRules(context),
      ...structureRules(context),
      ...fileContentRules(context, references),
      ...pairRules(context, references),
      ...dependencyRules(context),
      ...environmentRules(context),
      ...mountingRules(context),
    );
    return { context, findings: sortFindings(findings), references };
  }
  return { context, findings: sortFindings(findings), references: [] };
}

export function checkMilvusConfig(input: CheckInput): RuleFinding[] {
  return analyseMilvusConfig(input).findings;
}

export function sortFindings(findings: RuleFinding[]): RuleFinding[] {
  return findings.sort(
    (a, b) => a.range.start - b.range.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code),
  );
}
