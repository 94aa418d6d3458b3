/**
 * The names a client inside the cluster dials for a Service, which a server certificate's SANs must
 * cover: `svc`, `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local` (the cluster's DNS search path).
 * `localhost` is what `kubectl port-forward` gives a client outside.
 */
export const DEFAULT_NAMESPACE = 'default';
/** The release name in the Milvus docs' `helm install my-release milvus/milvus`. */
export const DEFAULT_RELEASE = 'my-release';

export function serviceDnsNames(service: string, namespace: string = DEFAULT_NAMESPACE): string[] {
  return [service, `${service}.${namespace}`, `${service}.${namespace}.svc`, `${service}.${namespace}.svc.cluster.local`];
}

/** A DNS-1123 label, as Kubernetes requires of release names, Secret names and namespaces. */
export function isDnsLabel(name: string): boolean {
  return /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name);
}

/** A DNS-1123 subdomain (Secret names may contain dots). */
export function isDnsSubdomain(name: string): boolean {
  return name.length <= 253 && name.split('.').every((label) => isDnsLabel(label));
}
