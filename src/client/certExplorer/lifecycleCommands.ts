// The certificate lifecycle's commands (Renew Certificate…, Renew Expiring Certificates…, Rotate
// CA…), loaded together on the first run of one of them: they share the lifecycle engine and the
// PKI, which activation does not need.
export { renewCertificate } from './renew';
export { renewExpiringCommand } from '../commands/renewExpiring';
export { rotateCaCommand } from '../commands/rotateCa';
