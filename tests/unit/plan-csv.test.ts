import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  nodesCsv,
  parseNodesCsv,
  parsePeriodsCsv,
  periodsCsv,
  readFiscalYear,
  resolveNodeImport,
  type ExistingNode,
  type NodeCsvRow,
  type ParsedNodeRow,
  type PeriodCsvRow,
} from '../../src/server/modules/plans/interchange/plan-csv';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function node(overrides: Partial<NodeCsvRow> & { id: string; title: string }): NodeCsvRow {
  return {
    externalId: null,
    parentId: null,
    parentExternalId: null,
    code: null,
    levelName: null,
    titleEn: null,
    description: '',
    division: null,
    statusKey: null,
    progress: null,
    weight: 1,
    startsOn: null,
    endsOn: null,
    position: 0,
    ...overrides,
  };
}

/** A plan tree as the service would export it: depth-first, parents first. */
const tree: NodeCsvRow[] = [
  node({ id: uuid(1), externalId: 'field-1', code: '1', title: 'デジタル人材の育成', titleEn: 'Developing digital talent', division: '産業政策課', weight: 60, position: 0 }),
  node({
    id: uuid(2),
    parentId: uuid(1),
    parentExternalId: 'field-1',
    code: '1-1',
    title: '経営者向けの学びの場',
    description: '経営者がDXを学ぶ機会を増やす。\n県内4地域で開催する。',
    statusKey: 'in_progress',
    progress: 62.5,
    startsOn: '2024-04-01',
    endsOn: '2029-03-31',
    position: 0,
  }),
  node({ id: uuid(3), parentId: uuid(2), code: '1-1-1', title: 'セミナー "DX入門", 初級編', statusKey: 'done', weight: 0.5, position: 0 }),
  node({ id: uuid(4), parentId: uuid(1), code: '1-2', title: '若手人材の確保', position: 1 }),
  node({ id: uuid(5), externalId: 'base', levelName: '基盤', title: '推進体制の整備', division: '企画政策課', weight: 40, position: 1 }),
];

const existingOf = (rows: NodeCsvRow[]): ExistingNode[] =>
  rows.map(({ parentExternalId: _parentExternalId, ...fields }) => fields);

function parsedRow(overrides: Partial<ParsedNodeRow> & { line: number }): ParsedNodeRow {
  return { id: null, externalId: null, parentId: null, parentExternalId: null, hasParentColumn: true, fields: {}, ...overrides };
}

describe('nodesCsv', () => {
  it('writes UTF-8 with a BOM, CRLF and the Japanese headers', () => {
    const bytes = nodesCsv(tree);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('ID,外部ID,親ID,親外部ID,コード,階層名,タイトル,タイトル（英語）,説明,担当課,状況,進捗（入力）,重み,開始日,終了日,表示順');
    // RFC 4180: quotes doubled, the field quoted.
    expect(text).toContain('"セミナー ""DX入門"", 初級編"');
  });

  it('round-trips: export → parse → resolve against the same nodes plans only no-op updates', () => {
    const { rows, errors } = parseNodesCsv(nodesCsv(tree));
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(tree.length);
    expect(rows[1]!.fields.description).toBe(tree[1]!.description);
    const plan = resolveNodeImport(rows, existingOf(tree));
    expect(plan.errors).toEqual([]);
    expect(plan.creates).toEqual([]);
    expect(plan.updates.map((update) => update.id)).toEqual(tree.map((row) => row.id));
    expect(plan.updates.filter((update) => update.changed)).toEqual([]);
  });

  it('round-trips through CP932 too', () => {
    const { rows, errors } = parseNodesCsv(nodesCsv(tree, { encoding: 'cp932' }));
    expect(errors).toEqual([]);
    expect(resolveNodeImport(rows, existingOf(tree)).updates.every((update) => !update.changed)).toBe(true);
  });

  it('flags the updates that change something, and what they change', () => {
    const edited = tree.map((row) => (row.id === uuid(4) ? { ...row, title: '若手人材の確保と定着', parentId: uuid(5), parentExternalId: 'base' } : row));
    const plan = resolveNodeImport(parseNodesCsv(nodesCsv(edited)).rows, existingOf(tree));
    const changed = plan.updates.filter((update) => update.changed);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ id: uuid(4), parentId: uuid(5), changedFields: ['parentId', 'title'] });
  });
});

describe('parseNodesCsv', () => {
  it('reads CP932 files with Japanese headers', () => {
    const text = 'タイトル,担当課,コード\r\n高齢者のデジタル活用支援,髙橋市 福祉課,2-1\r\n';
    const { rows, errors } = parseNodesCsv(iconv.encode(text, 'cp932'));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, id: null, externalId: null, parentId: null, parentExternalId: null, hasParentColumn: false, fields: { title: '高齢者のデジタル活用支援', division: '髙橋市 福祉課', code: '2-1' } },
    ]);
  });

  it('accepts English keys, full-width digits, thousands commas, 和暦 and slashed dates, and NFKC-normalises text', () => {
    const text = [
      'external_id,title,progress,weight,position,starts_on,ends_on,status',
      'ｘ-１,ＤＸ推進　ｾﾐﾅｰ,５０．５,"１，０００",１２,令和7年4月1日,2026/3/31,in_progress',
    ].join('\n');
    const { rows, errors } = parseNodesCsv(Buffer.from(text, 'utf8'));
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      externalId: 'x-1',
      fields: { title: 'DX推進 セミナー', progress: 50.5, weight: 1000, position: 12, startsOn: '2025-04-01', endsOn: '2026-03-31', statusKey: 'in_progress' },
    });
  });

  it('reports every problem with its line (the header is line 1; a quoted line break moves later lines down)', () => {
    const text = [
      'ID,タイトル,説明,進捗（入力）,重み,開始日,終了日,備考',
      `${uuid(1)},一行目,"二行に
わたる説明",10,1,2025-04-01,2025-09-30,`,
      'not-a-uuid,IDが不正,,120,abc,2025-13-01,,',
      ',,説明だけ,,,,,',
      ',終了が先,,,,2025-10-01,2025-04-01,',
      ',正しい行,,"1,5",-1,,,',
    ].join('\r\n');
    const { rows, errors } = parseNodesCsv(Buffer.from(text, 'utf8'));
    expect(rows.map((row) => row.line)).toEqual([2]);
    expect(errors).toEqual([
      { line: 1, column: '備考', code: 'unknown_column' },
      { line: 4, column: 'ID', code: 'invalid_uuid', value: 'not-a-uuid' },
      { line: 4, column: '進捗（入力）', code: 'out_of_range', value: '120' },
      { line: 4, column: '重み', code: 'not_a_number', value: 'abc' },
      { line: 4, column: '開始日', code: 'invalid_date', value: '2025-13-01' },
      { line: 5, column: 'タイトル', code: 'required' },
      { line: 6, column: '終了日', code: 'ends_before_start', value: '2025-04-01' },
      { line: 7, column: '進捗（入力）', code: 'not_a_number', value: '1,5' },
      { line: 7, column: '重み', code: 'out_of_range', value: '-1' },
    ]);
  });

  it('maps status names to keys when it knows the plan statuses', () => {
    const text = 'タイトル,状況\nA,実施中\nB,done\nC,保留\n';
    const { rows, errors } = parseNodesCsv(Buffer.from(text), { statuses: [{ key: 'in_progress', name: '実施中' }, { key: 'done', name: '完了' }] });
    expect(rows.map((row) => row.fields.statusKey)).toEqual(['in_progress', 'done']);
    expect(errors).toEqual([{ line: 4, column: '状況', code: 'unknown_status', value: '保留' }]);
  });

  it('refuses a file without any column that names a node', () => {
    expect(parseNodesCsv(Buffer.from('担当課\n企画課\n'))).toEqual({ rows: [], errors: [{ line: 1, column: 'タイトル', code: 'missing_column' }] });
    expect(parseNodesCsv(Buffer.from('')).errors).toEqual([{ line: 1, column: null, code: 'empty_file' }]);
  });
});

describe('resolveNodeImport', () => {
  it('creates parents before children (in any file order) with new UUIDs the children point at', () => {
    const rows = [
      parsedRow({ line: 2, externalId: 'c', parentExternalId: 'b', fields: { title: '孫' } }),
      parsedRow({ line: 3, externalId: 'b', parentExternalId: 'a', fields: { title: '子' } }),
      parsedRow({ line: 4, externalId: 'a', parentId: uuid(1), fields: { title: '親' } }),
    ];
    const plan = resolveNodeImport(rows, existingOf(tree));
    expect(plan.errors).toEqual([]);
    expect(plan.creates.map((create) => create.externalId)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = plan.creates;
    expect(a!.parentId).toBe(uuid(1));
    expect(b!.parentId).toBe(a!.id);
    expect(c!.parentId).toBe(b!.id);
    expect(new Set(plan.creates.map((create) => create.id)).size).toBe(3);
    expect(plan.creates.every((create) => !tree.some((row) => row.id === create.id))).toBe(true);
    expect(c!.fields).toMatchObject({ title: '孫', weight: 1, description: '', position: null, progress: null });
  });

  it('matches by ID, then 外部ID, then コード', () => {
    const rows = [
      parsedRow({ line: 2, id: uuid(4), fields: { code: '1-2' } }),
      parsedRow({ line: 3, externalId: 'base', hasParentColumn: false, fields: { title: '推進体制' } }),
      parsedRow({ line: 4, parentId: uuid(1), fields: { code: '1-1', title: '経営者向けの学びの場' } }),
    ];
    const plan = resolveNodeImport(rows, existingOf(tree));
    expect(plan.errors).toEqual([]);
    expect(plan.updates.map((update) => [update.line, update.id, update.changed])).toEqual([
      [2, uuid(4), true], // the file has a parent column and leaves it blank: the node moves to the top
      [3, uuid(5), true],
      [4, uuid(2), false],
    ]);
    expect(plan.updates[0]!.changedFields).toEqual(['parentId']);
    expect(plan.updates[1]!.changedFields).toEqual(['title']);
  });

  it('rejects a row whose parent is unknown, and then the rows under it', () => {
    const rows = [
      parsedRow({ line: 2, externalId: 'x', parentExternalId: 'nowhere', fields: { title: '迷子' } }),
      parsedRow({ line: 3, externalId: 'y', parentExternalId: 'x', fields: { title: '迷子の子' } }),
      parsedRow({ line: 4, parentId: uuid(99), fields: { title: '親IDが不明' } }),
      parsedRow({ line: 5, parentId: uuid(5), fields: { title: '正しい行' } }),
    ];
    const plan = resolveNodeImport(rows, existingOf(tree));
    expect(plan.errors).toEqual([
      { line: 2, column: '親外部ID', code: 'unknown_parent', value: 'nowhere' },
      { line: 3, column: '親外部ID', code: 'parent_rejected', value: 'x' },
      { line: 4, column: '親ID', code: 'unknown_parent', value: uuid(99) },
    ]);
    expect(plan.creates.map((create) => create.line)).toEqual([5]);
  });

  it('rejects a node moved under its own descendant, and new nodes that point at each other', () => {
    const rows = [
      parsedRow({ line: 2, id: uuid(1), parentId: uuid(3), fields: {} }),
      parsedRow({ line: 3, externalId: 'p', parentExternalId: 'q', fields: { title: 'P' } }),
      parsedRow({ line: 4, externalId: 'q', parentExternalId: 'p', fields: { title: 'Q' } }),
      parsedRow({ line: 5, externalId: 'self', parentExternalId: 'self', fields: { title: '自分が親' } }),
      parsedRow({ line: 6, id: uuid(4), parentId: uuid(5), fields: {} }),
    ];
    const plan = resolveNodeImport(rows, existingOf(tree));
    expect(plan.errors.map((error) => [error.line, error.code])).toEqual([
      [2, 'cycle'],
      [3, 'cycle'],
      [4, 'cycle'],
      [5, 'cycle'],
    ]);
    expect(plan.creates).toEqual([]);
    expect(plan.updates.map((update) => [update.id, update.parentId])).toEqual([[uuid(4), uuid(5)]]);
  });

  it('rejects repeated external IDs and IDs in the file, and codes other nodes keep', () => {
    const rows = [
      parsedRow({ line: 2, externalId: 'dup', fields: { title: 'A' } }),
      parsedRow({ line: 3, externalId: 'dup', fields: { title: 'B' } }),
      parsedRow({ line: 4, id: uuid(3), parentId: uuid(2), fields: {} }),
      parsedRow({ line: 5, id: uuid(3), parentId: uuid(2), fields: {} }),
      parsedRow({ line: 6, id: uuid(4), parentId: uuid(1), fields: { code: '1-1' } }),
      parsedRow({ line: 7, id: uuid(5), externalId: 'field-1', fields: {} }),
      parsedRow({ line: 8, fields: { code: '9' } }),
    ];
    const plan = resolveNodeImport(rows, existingOf(tree));
    expect(plan.errors).toEqual([
      { line: 3, column: '外部ID', code: 'duplicate_external_id', value: 'dup' },
      { line: 5, column: 'ID', code: 'duplicate_id', value: uuid(3) },
      { line: 6, column: 'コード', code: 'code_taken', value: '1-1' },
      { line: 7, column: '外部ID', code: 'external_id_taken', value: 'field-1' },
      { line: 8, column: 'タイトル', code: 'required' },
    ]);
  });

  it('lets two nodes swap their codes', () => {
    const rows = [
      parsedRow({ line: 2, id: uuid(2), parentId: uuid(1), fields: { code: '1-2' } }),
      parsedRow({ line: 3, id: uuid(4), parentId: uuid(1), fields: { code: '1-1' } }),
    ];
    const plan = resolveNodeImport(rows, existingOf(tree));
    expect(plan.errors).toEqual([]);
    expect(plan.updates.map((update) => update.changedFields)).toEqual([['code'], ['code']]);
  });

  it('copies a tree exported from another plan: unknown IDs become new nodes, keeping their parents', () => {
    const { rows } = parseNodesCsv(nodesCsv(tree.slice(0, 3)));
    const plan = resolveNodeImport(rows, []);
    expect(plan.errors).toEqual([]);
    expect(plan.creates).toHaveLength(3);
    const [first, second, third] = plan.creates;
    expect(first!.parentId).toBeNull();
    expect(second!.parentId).toBe(first!.id);
    expect(third!.parentId).toBe(second!.id);
    expect(plan.creates.some((create) => tree.some((row) => row.id === create.id))).toBe(false);
  });
});

describe('periods CSV', () => {
  const periods: PeriodCsvRow[] = [
    { indicatorId: uuid(11), indicatorExternalId: 'kpi-1', indicatorName: 'セミナー参加者数', unit: '人', fiscalYear: 2025, half: null, target: 1200, actual: 1354, status: 'approved' },
    { indicatorId: uuid(11), indicatorExternalId: 'kpi-1', indicatorName: 'セミナー参加者数', unit: '人', fiscalYear: 2025, half: 1, target: 600, actual: null, status: 'submitted' },
    { indicatorId: uuid(12), indicatorExternalId: null, indicatorName: '導入率', unit: '%', fiscalYear: 2026, half: 2, target: null, actual: null, status: 'not_started' },
  ];

  it('exports periods and reads the targets back (the actual is never read)', () => {
    const bytes = periodsCsv(periods);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('指標ID,指標外部ID,指標名,単位,年度,期,目標,実績（承認済）,状態');
    expect(text.split('\r\n')[1]).toBe(`${uuid(11)},kpi-1,セミナー参加者数,人,2025,年度,1200,1354,承認済み`);
    const { rows, errors } = parsePeriodsCsv(bytes);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, indicatorId: uuid(11), indicatorExternalId: 'kpi-1', fiscalYear: 2025, half: null, target: 1200, targetGiven: true },
      { line: 3, indicatorId: uuid(11), indicatorExternalId: 'kpi-1', fiscalYear: 2025, half: 1, target: 600, targetGiven: true },
      { line: 4, indicatorId: uuid(12), indicatorExternalId: null, fiscalYear: 2026, half: 2, target: null, targetGiven: false },
    ]);
  });

  it('reads 年度 in its usual spellings', () => {
    const cases: [string, number][] = [
      ['2025', 2025],
      ['2025年度', 2025],
      ['２０２５年度', 2025],
      ['2025（令和7）年度', 2025],
      ['令和7年度', 2025],
      ['令和元年度', 2019],
      ['平成31年度', 2019],
      ['R7', 2025],
      ['r8年度', 2026],
      ['FY2024', 2024],
    ];
    for (const [cell, year] of cases) expect(readFiscalYear(cell)).toEqual({ ok: true, value: year });
    expect(readFiscalYear('来年度')).toEqual({ ok: false, code: 'invalid_fiscal_year' });
    expect(readFiscalYear('1989')).toEqual({ ok: false, code: 'out_of_range' });
  });

  it('takes a blank target as "leave it", 「-」 as "clear it", and reports bad rows with their lines', () => {
    const text = [
      '指標外部ID,年度,期,目標,実績',
      'kpi-1,令和7年度,上期,"１，２００",999',
      'kpi-1,R7,下期,-,',
      'kpi-1,R7,,,',
      'kpi-1,2025,上期,10,',
      ',2025,,5,',
      'kpi-2,2025,第3期,5,',
      'kpi-2,,年度,5,',
      'kpi-2,2025,年度,五,',
    ].join('\r\n');
    const { rows, errors } = parsePeriodsCsv(iconv.encode(text, 'cp932'));
    expect(rows).toEqual([
      { line: 2, indicatorId: null, indicatorExternalId: 'kpi-1', fiscalYear: 2025, half: 1, target: 1200, targetGiven: true },
      { line: 3, indicatorId: null, indicatorExternalId: 'kpi-1', fiscalYear: 2025, half: 2, target: null, targetGiven: true },
      { line: 4, indicatorId: null, indicatorExternalId: 'kpi-1', fiscalYear: 2025, half: null, target: null, targetGiven: false },
    ]);
    expect(errors).toEqual([
      { line: 5, column: '年度', code: 'duplicate_period', value: '2' },
      { line: 6, column: '指標ID', code: 'required' },
      { line: 7, column: '期', code: 'invalid_half', value: '第3期' },
      { line: 8, column: '年度', code: 'required' },
      { line: 9, column: '目標', code: 'not_a_number', value: '五' },
    ]);
  });
});
