/**
 * Minimal, idempotent edits to milvus.yaml and docker-compose files (Enable / Disable TLS). Pure:
 * texts in, offset-based edits out; the CLI applies them to files, the extension to documents.
 */
export { applyTextEdits, type TextEdit } from './textEdit';
export { EditPlanError } from './errors';
export { planEnableTls, isEmptyPlan, DEFAULT_HTTP_PORT } from './enableTls';
export type { EnableTlsInput, EnableTlsPlan, EnableTlsFiles } from './enableTls';
export { planDisableTls } from './disableTls';
export type { DisableTlsInput, DisableTlsPlan } from './disableTls';
export { planConfigValues } from './milvusYamlEdits';
export type { DesiredValue, ValueChange, ConfigValuesPlan } from './milvusYamlEdits';
export { DEFAULT_CERTS_CONTAINER_DIR, MILVUS_YAML_CONTAINER_PATH, USER_YAML_CONTAINER_PATH } from './composeEdits';
export { lineHunks, formatLineDiff } from './lineDiff';
export type { LineHunk } from './lineDiff';
export { planMoveBlockToTop } from './moveBlock';
export { planAddServiceVolume } from './composeEdits';
export { formatScalar } from './yamlText';
export type { ComposeProjectView } from './composePlanView';
