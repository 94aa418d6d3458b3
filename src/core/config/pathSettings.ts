/**
 * The settings whose values are file paths Milvus opens, with what each must hold. The deployment
 * model resolves and loads exactly these; the rules check what they hold.
 */
export type PathExpectation = 'certificate' | 'key' | 'ca';
export type PathGroup = 'tls' | 'internaltls' | 'etcd' | 'minio' | 'kafka';

export interface PathSlot {
  key: string;
  group: PathGroup;
  expect: PathExpectation;
  /** Role the certificate is used in, for the inspection's lint. */
  role?: 'server' | 'client';
  /** Milvus fails without it when the group is on. */
  required: boolean;
}

export const PATH_SLOTS: readonly PathSlot[] = [
  { key: 'tls.serverPemPath', group: 'tls', expect: 'certificate', role: 'server', required: true },
  { key: 'tls.serverKeyPath', group: 'tls', expect: 'key', required: true },
  { key: 'tls.caPemPath', group: 'tls', expect: 'ca', required: true },
  { key: 'internaltls.serverPemPath', group: 'internaltls', expect: 'certificate', role: 'server', required: true },
  { key: 'internaltls.serverKeyPath', group: 'internaltls', expect: 'key', required: true },
  { key: 'internaltls.caPemPath', group: 'internaltls', expect: 'ca', required: true },
  { key: 'etcd.ssl.tlsCert', group: 'etcd', expect: 'certificate', role: 'client', required: true },
  { key: 'etcd.ssl.tlsKey', group: 'etcd', expect: 'key', required: true },
  { key: 'etcd.ssl.tlsCACert', group: 'etcd', expect: 'ca', required: true },
  { key: 'minio.ssl.tlsCACert', group: 'minio', expect: 'ca', required: false },
  { key: 'kafka.ssl.tlsCert', group: 'kafka', expect: 'certificate', role: 'client', required: false },
  { key: 'kafka.ssl.tlsKey', group: 'kafka', expect: 'key', required: false },
  { key: 'kafka.ssl.tlsCaCert', group: 'kafka', expect: 'ca', required: false },
];
