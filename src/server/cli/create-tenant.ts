/**
 * Creates a tenant and invites its first administrator:
 *   npm run create-tenant -- --slug aomori-dx-desk --name 青森県DX総合窓口 --kind desk --prefecture 02 --admin someone@example.jp
 * Uses the same configuration as the server (DATA_DIR or DATABASE_URL). Prints the invitation link.
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '../config';
import { openDatabase } from '../db/client';
import { createTenantWithFirstAdmin } from '../modules/tenants/tenants.service';

const { values } = parseArgs({
  options: {
    slug: { type: 'string' },
    name: { type: 'string' },
    'name-en': { type: 'string' },
    kind: { type: 'string', default: 'desk' },
    prefecture: { type: 'string' },
    admin: { type: 'string' },
  },
});
if (!values.slug || !values.name || !values.admin) {
  console.error('usage: npm run create-tenant -- --slug <slug> --name <name> --admin <email> [--kind desk] [--prefecture 02] [--name-en <name>]');
  process.exit(2);
}
const config = parseConfig();
const database = await openDatabase(config.database.kind === 'server' ? { kind: 'server', url: config.database.url } : { kind: 'embedded', directory: config.database.directory });
try {
  const { tenantId, invitationUrl } = await createTenantWithFirstAdmin(database.db, config, {
    slug: values.slug,
    name: values.name,
    nameEn: values['name-en'] ?? null,
    kind: values.kind ?? 'desk',
    prefectureCode: values.prefecture ?? null,
    adminEmail: values.admin,
  });
  console.log(`Created tenant ${values.name} (${tenantId}).\nThe first administrator joins at:\n  ${invitationUrl}`);
} finally {
  await database.close();
}
