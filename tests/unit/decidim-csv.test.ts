import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { htmlToText, parseDecidimResultsCsv, readDecidimDate } from '../../src/server/modules/plans/interchange/decidim-csv';
import { resolveNodeImport } from '../../src/server/modules/plans/interchange/plan-csv';

const header = [
  'id', 'category/id', 'scope/id', 'parent/id', 'title/ca', 'title/en', 'title/ja', 'description/ca', 'description/en', 'description/ja',
  'start_date', 'end_date', 'status/id', 'progress', 'proposal_urls',
];

type Result = Partial<Record<(typeof header)[number], string>>;

const results: Result[] = [
  {
    id: '101', 'category/id': '7', 'title/ca': 'Talent digital', 'title/en': 'Digital talent', 'title/ja': 'デジタル人材の育成',
    'description/ja': '<p>県内の中小企業で&nbsp;DXを担う人材を育てる。</p><p>重点は<strong>製造業</strong>&amp;物流。</p>',
    start_date: '2024-04-01', end_date: '2029-03-31', 'status/id': '1', progress: '45.5',
  },
  {
    id: '102', 'parent/id': '101', 'title/ca': 'Seminaris per a directius', 'title/en': 'Seminars for managers',
    'description/en': '<ul><li>Four regions</li><li>Online <em>and</em> on site</li></ul>',
    start_date: '01/04/2024', end_date: '31/03/2025', 'status/id': '2', progress: '100', proposal_urls: 'https://decidim.example/processes/dx/f/3/proposals/12',
  },
  { id: '103', 'parent/id': '102', 'title/ca': 'Tallers pràctics', 'status/id': '1', progress: '120' },
  { id: '104', 'parent/id': '101', 'title/ja': '若手人材の確保', start_date: '2024-02-30', progress: '0' },
  {
    id: '105', 'title/en': 'Organisation', 'title/ja': '推進体制の整備',
    'description/ja': '<script>alert("x")</script><p>庁内の体制を整える。</p><!-- memo --><p>&lt;b&gt;太字&lt;/b&gt;は使わない。</p>',
    'status/id': '1', progress: '',
  },
  { id: '106', 'parent/id': '105', 'title/ja': 'データ連携基盤', 'description/ja': '<p>一段落目。</p>\n<p>二段落目<br>改行あり。</p>', 'status/id': '2', progress: '12.5' },
  { id: '107', 'parent/id': '109', 'title/ja': '窓口のオンライン化', start_date: '2025-04-01', end_date: '2026-03-31' },
  { id: '109', 'parent/id': '105', 'title/ja': '行政手続のデジタル化', progress: '30' },
];

const csv = (rows: Result[], delimiter = ',') => Buffer.from(stringify([header, ...rows.map((row) => header.map((key) => row[key] ?? ''))], { delimiter }), 'utf8');

describe('parseDecidimResultsCsv', () => {
  it('maps results to node rows, reports bad rows with their lines, and keeps no HTML', () => {
    const { rows, locales, statusKeys, errors } = parseDecidimResultsCsv(csv(results));
    expect(locales).toEqual(['ca', 'en', 'ja']);
    // The header is line 1; the description of id 106 holds a line break, so the rows after it start one line later.
    expect(errors).toEqual([
      { line: 4, column: 'progress', code: 'out_of_range', value: '120' },
      { line: 5, column: 'start_date', code: 'invalid_date', value: '2024-02-30' },
    ]);
    expect(rows.map((row) => [row.line, row.externalId])).toEqual([
      [2, 'decidim:101'],
      [3, 'decidim:102'],
      [6, 'decidim:105'],
      [7, 'decidim:106'],
      [9, 'decidim:107'],
      [10, 'decidim:109'],
    ]);
    expect(statusKeys).toEqual(['decidim-1', 'decidim-2']);

    const [field, seminars, organisation, data] = rows;
    expect(field).toMatchObject({
      parentExternalId: null,
      hasParentColumn: true,
      fields: {
        title: 'デジタル人材の育成',
        titleEn: 'Digital talent',
        description: '県内の中小企業で DXを担う人材を育てる。\n重点は製造業&物流。',
        startsOn: '2024-04-01',
        endsOn: '2029-03-31',
        statusKey: 'decidim-1',
        progress: 45.5,
      },
    });
    // No Japanese title: the next preferred locale (en); DD/MM/YYYY dates.
    expect(seminars).toMatchObject({
      parentExternalId: 'decidim:101',
      fields: { title: 'Seminars for managers', titleEn: 'Seminars for managers', description: '・Four regions\n・Online and on site', startsOn: '2024-04-01', endsOn: '2025-03-31', progress: 100 },
    });
    expect(organisation!.fields.description).toBe('庁内の体制を整える。\n太字は使わない。');
    expect(organisation!.fields.progress).toBeNull();
    expect(data!.fields.description).toBe('一段落目。\n二段落目\n改行あり。');
    for (const row of rows) expect(`${row.fields.title} ${row.fields.description}`).not.toMatch(/[<>]|alert/);
  });

  it('takes the title from the first non-empty title column when no preferred locale has one', () => {
    const only = parseDecidimResultsCsv(csv([{ id: '1', 'title/ca': 'Tallers pràctics' }]));
    expect(only.rows[0]!.fields).toMatchObject({ title: 'Tallers pràctics', titleEn: null });
    const catalanFirst = parseDecidimResultsCsv(csv([results[0]!]), ['ca']);
    expect(catalanFirst.rows[0]!.fields.title).toBe('Talent digital');
  });

  it('reads semicolon-separated files with a BOM (Decidim’s default separator)', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id;parent/id;title/es;progress\r\n1;;Plan;10,5\r\n2;1;Acción;20\r\n', 'utf8')]);
    const { rows, errors, locales } = parseDecidimResultsCsv(bytes);
    expect(locales).toEqual(['es']);
    // 10,5 is a decimal comma, not a number we accept: the row is reported, not misread as 105.
    expect(errors).toEqual([{ line: 2, column: 'progress', code: 'not_a_number', value: '10,5' }]);
    expect(rows).toEqual([
      { line: 3, id: null, externalId: 'decidim:2', parentId: null, parentExternalId: 'decidim:1', hasParentColumn: true, fields: { title: 'Acción', progress: 20 } },
    ]);
  });

  it('plans the import like our own file: parents first, children pointing at the new nodes', () => {
    const { rows } = parseDecidimResultsCsv(csv(results));
    const plan = resolveNodeImport(rows, []);
    expect(plan.errors).toEqual([]);
    const order = plan.creates.map((create) => create.externalId);
    expect(order.indexOf('decidim:109')).toBeLessThan(order.indexOf('decidim:107'));
    const byExternalId = new Map(plan.creates.map((create) => [create.externalId, create]));
    for (const row of rows) {
      const create = byExternalId.get(row.externalId)!;
      const parent = row.parentExternalId === null ? null : byExternalId.get(row.parentExternalId)!.id;
      expect(create.parentId).toBe(parent);
      if (parent !== null) expect(order.indexOf(row.parentExternalId)).toBeLessThan(order.indexOf(row.externalId));
    }
    // A re-import of the same file updates the nodes it created instead of creating them again.
    const existing = plan.creates.map((create) => ({ id: create.id, externalId: create.externalId, parentId: create.parentId, ...create.fields }));
    const again = resolveNodeImport(parseDecidimResultsCsv(csv(results)).rows, existing);
    expect(again.creates).toEqual([]);
    expect(again.updates.filter((update) => update.changed)).toEqual([]);
  });

  it('rejects a result whose parent is in neither the file nor the plan', () => {
    const { rows } = parseDecidimResultsCsv(csv([{ id: '5', 'parent/id': '404', 'title/ja': '親がない' }]));
    expect(resolveNodeImport(rows, []).errors).toEqual([{ line: 2, column: '親外部ID', code: 'unknown_parent', value: 'decidim:404' }]);
  });
});

describe('htmlToText and readDecidimDate', () => {
  it('keeps paragraph breaks as single line breaks and decodes entities', () => {
    expect(htmlToText('<h2>目的</h2><p>A&#12354;&#x3044;</p><div><br/></div><p>B &quot;C&quot;</p>')).toBe('目的\nAあい\nB "C"');
  });

  it('reads YYYY-MM-DD (with or without a time) and DD/MM/YYYY, and refuses impossible dates', () => {
    expect(readDecidimDate('2024-05-06')).toEqual({ ok: true, value: '2024-05-06' });
    expect(readDecidimDate('2024-05-06 00:00:00 UTC')).toEqual({ ok: true, value: '2024-05-06' });
    expect(readDecidimDate('06/05/2024')).toEqual({ ok: true, value: '2024-05-06' });
    expect(readDecidimDate('31/02/2024')).toEqual({ ok: false, code: 'invalid_date' });
    expect(readDecidimDate('May 6')).toEqual({ ok: false, code: 'invalid_date' });
  });
});
