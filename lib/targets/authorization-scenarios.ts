/** Authorization-matrix scenarios of the target directory's operations (lib/auth/authorization-matrix.test.ts). */
import type { AuthorizationScenarios } from '@/lib/auth/authorization-scenario';
import { insertTarget, targetForm } from '@/lib/letters/test-fixtures';
import { createTarget } from './create-target';
import { importTargets } from './import-targets';
import { listTargets } from './list-targets';
import { updateTarget } from './update-target';

export const scenarios: AuthorizationScenarios = {
  'targets.list': { run: ({ session }) => listTargets(session) },
  'targets.create': { run: ({ session }) => createTarget(session, targetForm()) },
  'targets.update': {
    prepare: () => insertTarget(),
    run: ({ session }, targetId) => updateTarget(session, { ...targetForm(), targetId }),
  },
  'targets.import': {
    run: ({ session }) => {
      const target = targetForm();
      const header = 'key,kind,name_en,represents_country,host_country,city,address_lines,salutation_en,salutation_ko,salutation_zh,preferred_languages';
      const row = [target.key, 'embassy', 'Embassy of Testland', 'CN', 'CA', 'Ottawa', '"1 Test Street\nOttawa"', 'Your Excellency,', '대사님께', '尊敬的大使阁下：', 'en'];
      return importTargets(session, { csv: `${header}\n${row.map((cell) => (cell.includes(',') && !cell.startsWith('"') ? `"${cell}"` : cell)).join(',')}\n` });
    },
  },
  'targets.export': { input: () => ({}) },
};
