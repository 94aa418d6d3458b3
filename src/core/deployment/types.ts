/**
 * The deployment model: the one answer to "what does Milvus load, and from where?" that every front
 * asks (language server rules, Test Connection, Enable/Disable TLS, snippets, renewal, the CLI).
 *
 * A deployment is one Milvus as it would run: which config files it reads for its version, the
 * environment of its container, which host files back its container paths, the effective TLS
 * settings and the addresses a client dials, each value with where it came from. How it is deployed
 * (docker-compose, a milvus.yaml on its own, Kubernetes) is a `DeploymentKind`; each kind builds the
 * same shape, so nothing downstream knows which kind it is looking at unless it needs to.
 */
import type { MilvusVersion } from '../compose/imageVersion';
import type { EffectiveConfig, EnvironmentVariableInput } from '../config/effectiveConfig';
import type { MilvusConfigFile } from '../config/milvusConfig';
import type { TlsModeRead } from '../config/tlsMode';
import type { OffsetRange } from '../config/yamlSource';
import type { ComposeFacts } from './compose/composeDeployment';
import type { LoadedFile } from './loadedFile';

export type DeploymentKind = 'compose' | 'config-only' | 'kubernetes';

/**
 * Where a value came from, for messages ("docker-compose.yml:14") and JSON. `user`: typed by the
 * user, a CLI flag or a user setting; `workspace-setting`: a workspace or folder setting (a cloned
 * repository's .vscode/settings.json). Everything but `user` and `default` was decided by files in
 * the workspace, which matters before a stored credential is sent anywhere.
 */
export interface Provenance {
  kind: 'file' | 'environment' | 'image' | 'default' | 'derived' | 'user' | 'workspace-setting';
  /** Host path of the file the value is written in (compose file, milvus.yaml, values.yaml, …). */
  file?: string;
  /** Offsets in that file. */
  range?: OffsetRange;
  /** 1-based line in that file, when known. */
  line?: number;
  /** The environment variable that set it. */
  variable?: string;
  /** One short phrase: "docker-compose.yml:14", "the image's milvus.yaml", "Milvus's default". */
  text: string;
}

export interface Traced<T> {
  value: T;
  from: Provenance;
}

export type ConfigSlot = 'milvus.yaml' | 'user.yaml';

/** One YAML file Milvus reads, in the order it reads them (a later one wins). */
export interface DeploymentConfigFile {
  slot: ConfigSlot;
  /** Where Milvus finds it, e.g. /milvus/configs/user.yaml. */
  containerPath: string;
  /**
   * host: a workspace file (hostPath); image: the milvus.yaml inside the image (only its TLS part is
   * modelled); embedded: YAML inside another file (a values.yaml block, a CR's spec.config).
   */
  source: 'host' | 'image' | 'embedded';
  /** For host and embedded files: the workspace file that holds the text. */
  hostPath?: string;
  config: MilvusConfigFile;
  /** How it gets into the container ("the volume ./milvus.yaml:/milvus/configs/milvus.yaml"). */
  mountedBy?: Provenance;
  /** Set when this Milvus version does not read the file (2.3 reads no user.yaml). */
  ignoredBecause?: string;
}

/** What backs one mount point of the container, as the deployment kind describes it. */
export interface MountInfo {
  /** Container path the mount covers (a folder or a single file). */
  target: string;
  /** As written: `./tls:/milvus/tls:ro`, `secret certs at /certs`. */
  raw: string;
  readOnly: boolean;
  from: Provenance;
}

/** Where a container path lives, as far as the files in the workspace can tell. */
export type PathLocation =
  /** A workspace (host) file. */
  | { kind: 'host'; hostPath: string; mount?: MountInfo }
  /** An entry of a manifest in the workspace (a Kubernetes Secret key), read from the manifest. */
  | { kind: 'manifest'; manifestPath: string; label: string; mount: MountInfo; range?: OffsetRange; bytes?: Buffer }
  /** Inside the image (/milvus/configs/cert/…): not checkable, but Milvus finds it. */
  | { kind: 'image' }
  /** A named volume, tmpfs, a Secret not in the workspace, `~` on another machine: exists only where it runs. */
  | { kind: 'opaque'; reason: string; mount: MountInfo }
  /** A host path in another platform's syntax (C:\… on Linux): not checkable on this machine. */
  | { kind: 'foreign-host'; hostPath: string; reason: string; mount?: MountInfo }
  /** Outside the folders we may read (Restricted Mode, or the CLI's project): not read. */
  | { kind: 'outside-workspace'; hostPath: string; mount?: MountInfo }
  /** No mount covers it and the image does not have it. */
  | { kind: 'unmapped'; reason: string }
  /** A `/path/to/…` placeholder from the shipped milvus.yaml. */
  | { kind: 'placeholder' };

/** A path setting of the effective config, resolved and (when it is checkable) loaded. */
export interface ResolvedPath {
  /** The setting, e.g. `tls.serverPemPath`. */
  key: string;
  /** The effective value as written (trimmed). */
  value: string;
  /** Absolute container path. */
  containerPath: string;
  location: PathLocation;
  /** Loaded for 'host' and 'manifest' locations. */
  file?: LoadedFile;
  from: Provenance;
}

export interface Endpoint {
  host: Traced<string>;
  port: Traced<number>;
}

/**
 * How the deployment maps container paths. Each kind implements it: compose through service
 * volumes, Kubernetes through Secret and ConfigMap mounts.
 */
export interface MountTable {
  /** The location of a container path, or undefined when no mount covers it (the image's own files). */
  locate(containerPath: string): PathLocation | undefined;
  /** Container paths at which a host file or folder appears. */
  containerPathsOf(hostPath: string): string[];
  /** Host folders mounted into the container, with their container targets (for path completion). */
  boundFolders(): { hostPath: string; containerPath: string }[];
  /** Why a path is not covered, for messages: `no volume of the compose service "standalone" covers it`. */
  uncoveredReason: string;
}

export interface Deployment {
  kind: DeploymentKind;
  /** Stable id: `compose:/abs/docker-compose.yml#standalone`, `config:/abs/milvus.yaml`. */
  id: string;
  /** For people: `compose service "standalone" (docker-compose.yml)`. */
  label: string;
  /** The folder the deployment was found in (a workspace folder, the CLI's --dir). */
  root: string;
  version: Traced<MilvusVersion | undefined>;
  /** In the order Milvus reads them; files this version ignores are kept, marked. */
  configFiles: DeploymentConfigFile[];
  environment: EnvironmentVariableInput[];
  effective: EffectiveConfig;
  tlsMode: TlsModeRead;
  mounts: MountTable;
  /** Every path setting with a value in the effective config (active or not), resolved. */
  paths: Map<string, ResolvedPath>;
  /** The address clients dial for gRPC (proxy.port as published) and REST (undefined: REST off or shared). */
  grpc: Endpoint;
  rest: Endpoint | undefined;
  /** Kind-specific facts the kind's own rules and edits need. */
  compose?: ComposeFacts;
  /** Set when a file being edited stands in for one the deployment does not load, with why. */
  hypothetical?: string;
  /** Where the effective value of a setting came from; undefined when it is not set (Milvus's default). */
  provenanceOf(key: string): Provenance | undefined;
  /** What the resolution noticed: unreadable files, ambiguous choices (for logs and `--json`). */
  notes: string[];
}
