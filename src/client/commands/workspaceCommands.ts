// The commands that write into the workspace (certificates, scripts, milvus.yaml and docker-compose),
// loaded together on the first run of any of them (one bundle, see extension.ts): they share the
// deployment model and the YAML engine, which four bundles would each carry.
export { disableTlsCommand } from './disableTls';
export { enableTlsCommand } from './enableTls';
export { exportOpenSslScriptCommand } from './exportOpenSslScript';
export { generateCertificatesCommand } from './generateCertificates';
export { generateCertManagerCommand } from './generateCertManager';
