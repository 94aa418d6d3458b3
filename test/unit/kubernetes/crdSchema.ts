// The Milvus CRD's openAPIV3Schema (../shared/k8s-configs/operator-1.3.8/milvus.io_milvuses.yaml) as
// a JSON-schema validator: what the API server checks when the resource is applied. The
// x-kubernetes-* extensions are dropped (ajv does not know them; preserve-unknown-fields only
// relaxes pruning, which validation never does anyway).
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { k8sFile, MILVUS_CRD } from './corpus';

function stripExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripExtensions);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith('x-kubernetes-'))
      .map(([key, inner]) => [key, stripExtensions(inner)]),
  );
}

let validator: ValidateFunction | undefined;

export function milvusCrdValidator(version = 'v1beta1'): ValidateFunction {
  if (validator) return validator;
  const crd = parse(k8sFile(MILVUS_CRD)) as { spec: { versions: { name: string; schema: { openAPIV3Schema: unknown } }[] } };
  const schema = crd.spec.versions.find((candidate) => candidate.name === version)?.schema.openAPIV3Schema;
  // Kubernetes' formats (int32, int-or-string, …) are not JSON-schema formats; types are still checked.
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  validator = ajv.compile(stripExtensions(schema) as object);
  return validator;
}
