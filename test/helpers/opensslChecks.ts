// Checks a folder holding the docs' nine files with the openssl CLI, independently of our code:
// the chain verifies, each certificate has the extensions Go's crypto/tls needs, the CSRs are
// self-signed correctly, and each key belongs to its certificate. Reused for any generator's output.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runProcess } from './spawnHelpers';

export async function openssl(args: string[], cwd: string): Promise<string> {
  const result = await runProcess('openssl', args, { cwd });
  assert.equal(result.code, 0, `openssl ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout + result.stderr;
}

async function certificateText(dir: string, name: string): Promise<string> {
  return openssl(['x509', '-in', name, '-noout', '-text'], dir);
}

/** The text of one extension block in `openssl x509 -text` output (its lines up to the next extension). */
export function extensionBlock(text: string, title: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trim().startsWith(title));
  assert.ok(start >= 0, `no ${title} extension in:\n${text}`);
  const block = [lines[start] ?? ''];
  for (const line of lines.slice(start + 1)) {
    if (/^\s+X509v3 |^\s+Signature Algorithm|^\s+Authority Information/.test(line)) break;
    block.push(line);
  }
  return block.join('\n');
}

export interface OpensslExpectations {
  /** SAN entries as openssl prints them, e.g. "DNS:localhost", "IP Address:127.0.0.1". */
  serverSans?: string[];
}

async function assertKeyMatches(dir: string, name: string): Promise<void> {
  const fromCertificate = await openssl(['x509', '-in', `${name}.pem`, '-noout', '-pubkey'], dir);
  const fromKey = await openssl(['pkey', '-in', `${name}.key`, '-pubout'], dir);
  assert.equal(fromKey, fromCertificate, `${name}.key does not belong to ${name}.pem`);
}

/**
 * Asserts that dir's ca.pem/server.pem/client.pem (+ keys, CSRs) form a set Milvus and Go accept:
 * `openssl verify` passes (also with -purpose sslserver / sslclient), the CA is CA:TRUE with keyCertSign, the server has SANs and serverAuth,
 * the client has clientAuth, the leaves are CA:FALSE, and `openssl req -verify` passes on the CSRs.
 */
export async function checkCertificateSetWithOpenssl(dir: string, expect: OpensslExpectations = {}): Promise<void> {
  const verified = await openssl(['verify', '-CAfile', join(dir, 'ca.pem'), 'server.pem', 'client.pem'], dir);
  assert.match(verified, /server\.pem: OK/);
  assert.match(verified, /client\.pem: OK/);
  // The purpose checks apply the EKU rules, as Go does: server.pem for servers, client.pem for clients.
  assert.match(await openssl(['verify', '-purpose', 'sslserver', '-CAfile', join(dir, 'ca.pem'), 'server.pem'], dir), /server\.pem: OK/);
  assert.match(await openssl(['verify', '-purpose', 'sslclient', '-CAfile', join(dir, 'ca.pem'), 'client.pem'], dir), /client\.pem: OK/);

  const ca = await certificateText(dir, 'ca.pem');
  assert.match(extensionBlock(ca, 'X509v3 Basic Constraints'), /critical[\s\S]*CA:TRUE, pathlen:0/);
  assert.match(extensionBlock(ca, 'X509v3 Key Usage'), /critical/);
  assert.match(extensionBlock(ca, 'X509v3 Key Usage'), /Certificate Sign/);

  const server = await certificateText(dir, 'server.pem');
  const serverSans = extensionBlock(server, 'X509v3 Subject Alternative Name');
  for (const san of expect.serverSans ?? []) assert.ok(serverSans.includes(san), `server SANs lack ${san}:\n${serverSans}`);
  assert.match(serverSans, /DNS:|IP Address:/);
  assert.match(extensionBlock(server, 'X509v3 Extended Key Usage'), /TLS Web Server Authentication/);
  assert.match(extensionBlock(server, 'X509v3 Basic Constraints'), /CA:FALSE/);
  assert.match(extensionBlock(server, 'X509v3 Key Usage'), /Digital Signature/);

  const client = await certificateText(dir, 'client.pem');
  assert.match(extensionBlock(client, 'X509v3 Extended Key Usage'), /TLS Web Client Authentication/);
  assert.match(extensionBlock(client, 'X509v3 Basic Constraints'), /CA:FALSE/);
  assert.match(extensionBlock(client, 'X509v3 Key Usage'), /Digital Signature/);

  const subjectOf = async (name: string): Promise<string> => openssl(['x509', '-in', name, '-noout', '-subject'], dir);
  const caSubject = (await subjectOf('ca.pem')).replace(/^subject=/, '');
  assert.notEqual((await subjectOf('server.pem')).replace(/^subject=/, ''), caSubject, 'server subject equals the CA subject');
  assert.notEqual((await subjectOf('client.pem')).replace(/^subject=/, ''), caSubject, 'client subject equals the CA subject');

  for (const csr of ['server.csr', 'client.csr']) {
    assert.match(await openssl(['req', '-in', csr, '-verify', '-noout'], dir), /verify OK/i, `${csr} signature`);
  }
  await assertKeyMatches(dir, 'server');
  await assertKeyMatches(dir, 'client');
  await assertKeyMatches(dir, 'ca');
}
