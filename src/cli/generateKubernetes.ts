// The Kubernetes half of `milvus-tls generate`: --k8s-secret and --cert-manager resolve the deployment
// in the folder through the deployment model and write YAML, so this is a bundle of its own
// (dist/cli/generateKubernetes.js, see .ci/lazyBundles.mjs) that generate.ts loads only for those
// flags; a plain `generate` starts without the YAML parser. What crosses the line is data, and
// UsageError, which main.ts recognises by name (isUsageError), not by class.
export { kubernetesTargetFor } from './kubernetesTarget';
export { runCertManager } from './certManager';
