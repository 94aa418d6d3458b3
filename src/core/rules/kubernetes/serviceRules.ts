/**
 * How clients reach a TLS Milvus on Kubernetes (facts §1, §2, §3):
 * - the server certificate's SANs must cover the Service names clients dial and the ingress hosts;
 * - an ingress-nginx `backend-protocol: GRPC` speaks cleartext HTTP/2 to a TLS port (GRPCS needed);
 * - the chart's bundled Attu dials `http://<release>-milvus:19530`, which a TLS Milvus refuses;
 * - the Operator's `serviceRestfulPort` publishes a port, but does not set `proxy.http.port`.
 */
import { readBool, readString } from '../../config';
import type { KubernetesFacts } from '../../deployment';
import type { CertificateInfo } from '../../inspect';
import { sanEntries, sanMatchesName } from '../../inspect';
import type { RuleContext } from '../context';
import { anchorFor } from '../context';
import { referenceRange } from '../fileContent';
import type { PathReference } from '../pathReferences';
import type { RuleFinding } from '../types';

function serverCertificate(reference: PathReference | undefined): CertificateInfo | undefined {
  return (reference?.file?.read?.objects ?? []).find((object): object is CertificateInfo => object.kind === 'certificate');
}

function sanFindings(ctx: RuleContext, facts: KubernetesFacts, reference: PathReference | undefined): RuleFinding[] {
  const certificate = serverCertificate(reference);
  if (!reference || !certificate) return [];
  const covers = (name: string): boolean => sanMatchesName(certificate.sans, name);
  const services = facts.dialNames.slice(0, 4);
  const hosts = facts.dialNames.slice(4);
  const missing: string[] = [];
  if (!services.some((name) => covers(name.name))) missing.push(`the Service names (${services.map((name) => name.name).join(', ')})`);
  for (const host of hosts.filter((candidate) => !covers(candidate.name))) missing.push(`${host.name}, ${host.why}`);
  if (missing.length === 0) return [];
  const assumed = facts.namesAssumed
    ? ` (release "${facts.release.value}" and namespace "${facts.namespace.value}" are assumed: set milvusTls.kubernetes.release and .namespace, or pass --release/--namespace, if yours differ)`
    : '';
  const sans = sanEntries(certificate.sans, ['dns', 'ip']).join(', ') || 'none';
  return [
    {
      code: 'k8s-san-missing',
      severity: facts.namesAssumed ? 'information' : 'warning',
      message: `The server certificate (${certificate.commonName ?? certificate.subject}; SANs: ${sans}) does not cover ${missing.join('; ')}${assumed}. Clients that dial those names fail to verify the server ("x509: certificate is valid for …, not …"). Reissue it with those names (Generate Certificates… for Kubernetes adds them).`,
      range: referenceRange(ctx, reference),
      data: { fix: 'generate-certificates', containerPath: reference.containerPath },
    },
  ];
}

function ingressFindings(ctx: RuleContext, facts: KubernetesFacts): RuleFinding[] {
  const values = facts.values;
  const resource = facts.resource;
  const enabled = values ? values.ingress.enabled : (resource?.ingress.hosts.length ?? 0) > 0;
  const protocol = values
    ? values.ingress.backendProtocol
    : resource?.ingress.backendProtocol
      ? { value: resource.ingress.backendProtocol.value, valueRange: resource.ingress.backendProtocol.range }
      : undefined;
  if (!enabled || !protocol || protocol.value.trim().toUpperCase() !== 'GRPC') return [];
  const range = protocol.valueRange ?? anchorFor(ctx, ['common.security.tlsMode']);
  const written = protocol.valueRange ? ctx.text.slice(protocol.valueRange.start, protocol.valueRange.end) : undefined;
  return [
    {
      code: 'k8s-ingress-grpc-backend',
      severity: 'error',
      message: `The ingress talks to Milvus with backend-protocol GRPC (cleartext HTTP/2)${protocol.valueRange ? '' : ", the chart's default"}, but Milvus serves TLS (tlsMode ${ctx.tlsMode.mode}): every call through the ingress fails (502). Set nginx.ingress.kubernetes.io/backend-protocol: GRPCS${ctx.tlsMode.mode === 2 ? ', and give nginx a client certificate (proxy-ssl-secret), since tlsMode 2 requires one' : ''}.`,
      range,
      ...(written !== undefined && protocol.valueRange
        ? {
            data: {
              fix: 'replace-text' as const,
              title: 'Use backend-protocol GRPCS',
              start: protocol.valueRange.start,
              end: protocol.valueRange.end,
              expected: written,
              newText: written.replace(/GRPC/i, 'GRPCS'),
            },
          }
        : {}),
    },
  ];
}

function attuFindings(facts: KubernetesFacts): RuleFinding[] {
  const attu = facts.values?.attuEnabled;
  if (!attu?.value || !attu.valueRange) return [];
  return [
    {
      code: 'k8s-attu-http',
      severity: 'warning',
      message: `The chart's Attu connects with a fixed MILVUS_URL http://${facts.serviceName}:19530 (no TLS), which a Milvus with TLS on refuses: Attu cannot connect. Run Attu yourself with the https address and the CA, or turn it off.`,
      range: attu.valueRange,
    },
  ];
}

function restfulPortFindings(ctx: RuleContext, facts: KubernetesFacts): RuleFinding[] {
  const restful = facts.resource?.serviceRestfulPort;
  if (!restful?.valueRange) return [];
  const enabled = readBool(ctx.effective, 'proxy.http.enabled', true).value;
  const httpPort = readString(ctx.effective, 'proxy.http.port').value.trim();
  const grpcPort = readString(ctx.effective, 'proxy.port', '19530').value.trim() || '19530';
  const restPort = !enabled ? undefined : httpPort === '' ? grpcPort : httpPort;
  if (restPort === String(restful.value)) return [];
  const written = ctx.text.slice(restful.valueRange.start, restful.valueRange.end);
  return [
    {
      code: 'k8s-restful-port-mismatch',
      severity: 'warning',
      message:
        restPort === undefined
          ? `serviceRestfulPort ${restful.value} publishes a REST port, but proxy.http.enabled is false: nothing listens there.`
          : `serviceRestfulPort is ${restful.value}, but Milvus serves REST on ${restPort} (proxy.http.port${httpPort === '' ? ' is empty: REST shares the gRPC port' : ''}): the operator does not set proxy.http.port from it, so the Service points at a port nothing listens on. Make them equal.`,
      range: restful.valueRange,
      ...(restPort !== undefined
        ? {
            data: {
              fix: 'replace-text' as const,
              title: `Set serviceRestfulPort to ${restPort}`,
              start: restful.valueRange.start,
              end: restful.valueRange.end,
              expected: written,
              newText: restPort,
            },
          }
        : {}),
    },
  ];
}

export function serviceRules(ctx: RuleContext, references: readonly PathReference[]): RuleFinding[] {
  const facts = ctx.deployment.kubernetes;
  if (!facts) return [];
  const findings = restfulPortFindings(ctx, facts);
  if (ctx.tlsMode.mode !== 1 && ctx.tlsMode.mode !== 2) return findings;
  return [
    ...findings,
    ...sanFindings(
      ctx,
      facts,
      references.find((reference) => reference.slot.key === 'tls.serverPemPath'),
    ),
    ...ingressFindings(ctx, facts),
    ...attuFindings(facts),
  ];
}
