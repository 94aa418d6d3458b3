/**
 * What the Milvus image brings when the workspace does not mount a milvus.yaml: its own
 * /milvus/configs/milvus.yaml. Only the TLS part matters here; it is identical from 2.5 to master,
 * and 2.3/2.4 lack internaltls, which they do not read anyway.
 */
import { parseMilvusConfig } from '../config/milvusConfig';
import type { MilvusConfigFile } from '../config/milvusConfig';
import type { DeploymentConfigFile } from './types';

export const IMAGE_MILVUS_YAML_TEXT = `tls:
  serverPemPath: configs/cert/server.pem
  serverKeyPath: configs/cert/server.key
  caPemPath: configs/cert/ca.pem
internaltls:
  serverPemPath: configs/cert/server.pem
  serverKeyPath: configs/cert/server.key
  caPemPath: configs/cert/ca.pem
  sni: localhost
`;

export const IMAGE_MILVUS_YAML_NAME = "the image's /milvus/configs/milvus.yaml";
export const MILVUS_CONFIG_DIR = '/milvus/configs';
export const MILVUS_YAML_CONTAINER_PATH = '/milvus/configs/milvus.yaml';
export const USER_YAML_CONTAINER_PATH = '/milvus/configs/user.yaml';

let imageConfig: MilvusConfigFile | undefined;

/** Parsed once: it never changes, and the language server needs it on every keystroke of a user.yaml. */
export function imageMilvusYaml(): MilvusConfigFile {
  imageConfig ??= parseMilvusConfig(IMAGE_MILVUS_YAML_TEXT);
  return imageConfig;
}

/** The image's milvus.yaml as the first config file of any deployment kind that does not mount its own. */
export function imageConfigFile(): DeploymentConfigFile {
  return {
    slot: 'milvus.yaml',
    containerPath: MILVUS_YAML_CONTAINER_PATH,
    source: 'image',
    config: imageMilvusYaml(),
    mountedBy: { kind: 'image', text: IMAGE_MILVUS_YAML_NAME },
  };
}
