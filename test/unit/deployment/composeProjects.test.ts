// The compose fixtures read through the deployment model, in both path flavours: which files Compose
// loads, the merged Milvus service (mounts by target, ports, environment, image, profiles) and which
// file each value came from.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findMilvusServices } from '../../../src/core/compose';
import { loadComposeProjectIn } from '../../../src/core/deployment';
import { COMPOSE_FIXTURES } from '../../helpers/composeFixtures';
import { describeService, expectedService, fixtureContext, fixtureRoot, FLAVOURS } from '../../helpers/composeFixtureModel';

for (const flavour of FLAVOURS) {
  describe(`compose fixtures, ${flavour.name} paths`, () => {
    for (const fixture of COMPOSE_FIXTURES) {
      it(fixture.name, async () => {
        const context = fixtureContext(fixture, flavour);
        const project = await loadComposeProjectIn(fixtureRoot(fixture, flavour), context);
        if (fixture.colonSeparatedList && flavour.name === 'win32') {
          // Windows splits COMPOSE_FILE on `;`: the one entry names no file, and Compose refuses.
          assert.equal(project, undefined);
          return;
        }
        assert.ok(project, 'a project');
        assert.deepEqual(project.problems, []);
        const services = findMilvusServices(project.compose);
        assert.deepEqual(
          services.map((service) => service.name),
          [fixture.expected.service],
        );
        assert.deepEqual(describeService(project, services[0]!, fixture, flavour), expectedService(fixture, flavour));
      });
    }
  });
}
