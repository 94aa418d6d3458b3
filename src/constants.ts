// Every identifier the extension shares with package.json, in one place.
export const EXTENSION_NAME = 'Milvus TLS';
export const CONFIG_SECTION = 'milvusTls';

export const Commands = {
  generateCertificates: 'milvusTls.generateCertificates',
  exportOpenSslScript: 'milvusTls.exportOpenSslScript',
  showOutput: 'milvusTls.showOutput',
} as const;
