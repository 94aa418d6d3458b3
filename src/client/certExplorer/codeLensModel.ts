// CodeLens titles for the certificate blocks of one PEM file, read by the inspection engine.
import type { FileReadResult } from '../../core/inspect/types';
import { certificateLabel, describeValidity } from './format';

export interface CertificateLens {
  /** 0-based line of the BEGIN CERTIFICATE line. */
  line: number;
  indexInFile: number;
  /** The certificate's name, for the details document's title. */
  label: string;
  title: string;
}

/** "CN=server, issued by Milvus CA, expires in 42 days" above each certificate block. */
export function certificateLenses(result: FileReadResult, now: Date): CertificateLens[] {
  const lenses: CertificateLens[] = [];
  for (const object of result.objects) {
    if (object.kind !== 'certificate' || object.range === undefined) continue;
    const name = object.commonName === undefined ? certificateLabel(object) : `CN=${object.commonName}`;
    const issuer = object.selfSigned ? 'self-signed' : `issued by ${object.issuerCommonName ?? (object.issuer || 'an empty issuer')}`;
    lenses.push({
      line: object.range.startLine,
      indexInFile: object.indexInFile,
      label: certificateLabel(object),
      title: `${name}, ${issuer}, ${describeValidity(object, now)}`,
    });
  }
  return lenses;
}
