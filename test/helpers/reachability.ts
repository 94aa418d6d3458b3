// Whether objects are still reachable: WeakRefs to them, then a full garbage collection. An object
// that anything still references survives it; one nothing references is gone. gc() is not exposed by
// default; the flag turns it on for this process, and a fresh context hands out the function.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** How many of the referenced objects survive a full collection. */
export async function liveAfterCollection(refs: readonly WeakRef<object>[]): Promise<number> {
  // WeakRef targets created or read in the current job are kept until it ends: end it first.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  return refs.filter((ref) => ref.deref() !== undefined).length;
}
