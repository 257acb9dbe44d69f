import { describe, expect, it } from 'vitest';
import {
  ACCOMMODATION_ENTERTAINMENT_SMALL_EMPLOYEES,
  SME_LIMITS,
  assessCompanySize,
  deriveCompanySize,
  sizeSectorOf,
} from '../../src/shared/domain/company-size.js';

const OKU = 100_000_000; // 1億円
const MAN = 10_000; // 1万円

describe('SME_LIMITS (中小企業基本法 第2条)', () => {
  it('has the statutory limits', () => {
    expect(SME_LIMITS.manufacturing_other).toEqual({ capitalYen: 3 * OKU, employees: 300, smallEmployees: 20 });
    expect(SME_LIMITS.wholesale).toEqual({ capitalYen: 1 * OKU, employees: 100, smallEmployees: 5 });
    expect(SME_LIMITS.retail).toEqual({ capitalYen: 5000 * MAN, employees: 50, smallEmployees: 5 });
    expect(SME_LIMITS.services).toEqual({ capitalYen: 5000 * MAN, employees: 100, smallEmployees: 5 });
    expect(ACCOMMODATION_ENTERTAINMENT_SMALL_EMPLOYEES).toBe(20);
  });
});

describe('sizeSectorOf', () => {
  it.each([
    ['E', '09', 'manufacturing_other'], // 食料品製造業
    ['A', '01', 'manufacturing_other'], // 農業
    ['D', '06', 'manufacturing_other'], // 総合工事業
    ['G', '37', 'manufacturing_other'], // 通信業
    ['G', '40', 'manufacturing_other'], // インターネット附随サービス業
    ['H', '44', 'manufacturing_other'], // 道路貨物運送業
    ['J', '62', 'manufacturing_other'], // 銀行業
    ['K', '68', 'manufacturing_other'], // 不動産取引業
    ['I', '50', 'wholesale'],
    ['I', '55', 'wholesale'],
    ['I', '56', 'retail'],
    ['I', '61', 'retail'], // 無店舗小売業
    ['M', '76', 'retail'], // 飲食店 counts as 小売業
    ['M', '77', 'retail'], // 持ち帰り・配達飲食サービス業
    ['M', '75', 'services'], // 宿泊業
    ['G', '38', 'services'], // 放送業
    ['G', '39', 'services'], // 情報サービス業
    ['K', '70', 'services'], // 物品賃貸業
    ['L', '72', 'services'],
    ['N', '78', 'services'],
    ['N', '80', 'services'], // 娯楽業
    ['O', '82', 'services'],
    ['P', '85', 'services'],
    ['Q', '86', 'services'],
    ['R', '92', 'services'],
    ['R', '96', 'services'],
    ['S', '98', 'manufacturing_other'],
    ['T', '99', 'manufacturing_other'],
  ] as const)('%s %s → %s', (major, middle, sector) => {
    expect(sizeSectorOf(major, middle)).toBe(sector);
    // The 中分類 alone determines the 大分類.
    expect(sizeSectorOf(undefined, middle)).toBe(sector);
  });

  it('splits 中分類 41, 69 and 79 by 小分類', () => {
    expect(sizeSectorOf('G', '41', '411')).toBe('services'); // 映像情報制作・配給業
    expect(sizeSectorOf('G', '41', '415')).toBe('services'); // 広告制作業
    expect(sizeSectorOf('G', '41', '413')).toBe('manufacturing_other'); // 新聞業
    expect(sizeSectorOf('G', '41', '414')).toBe('manufacturing_other'); // 出版業
    expect(sizeSectorOf('K', '69', '693')).toBe('services'); // 駐車場業
    expect(sizeSectorOf('K', '69', '692')).toBe('manufacturing_other'); // 貸家業
    expect(sizeSectorOf('N', '79', '791')).toBe('manufacturing_other'); // 旅行業 is excluded from サービス業
    expect(sizeSectorOf('N', '79', '796')).toBe('services'); // 冠婚葬祭業
  });

  it('returns null when the codes do not decide the sector', () => {
    expect(sizeSectorOf()).toBeNull();
    expect(sizeSectorOf(null, null)).toBeNull();
    expect(sizeSectorOf('I')).toBeNull(); // 卸売 or 小売
    expect(sizeSectorOf('M')).toBeNull(); // 宿泊 (services) or 飲食 (retail)
    expect(sizeSectorOf('G')).toBeNull();
    expect(sizeSectorOf('K')).toBeNull();
    expect(sizeSectorOf('N')).toBeNull(); // 旅行業
    expect(sizeSectorOf('G', '41')).toBeNull();
    expect(sizeSectorOf('K', '69')).toBeNull();
    expect(sizeSectorOf('N', '79')).toBeNull();
    expect(sizeSectorOf('N', '79', '790')).toBeNull(); // 管理，補助的経済活動を行う事業所
  });

  it('decides from the 大分類 alone when all its 中分類 agree', () => {
    expect(sizeSectorOf('E')).toBe('manufacturing_other');
    expect(sizeSectorOf('H')).toBe('manufacturing_other');
    expect(sizeSectorOf('L')).toBe('services');
    expect(sizeSectorOf('P')).toBe('services');
    expect(sizeSectorOf('R')).toBe('services');
  });

  it('rejects malformed or inconsistent codes', () => {
    expect(() => sizeSectorOf('E', '52')).toThrow(RangeError); // 52 is under I
    expect(() => sizeSectorOf('U')).toThrow(RangeError);
    expect(() => sizeSectorOf('e', '09')).toThrow(RangeError);
    expect(() => sizeSectorOf('E', '9')).toThrow(RangeError);
    expect(() => sizeSectorOf('E', '00')).toThrow(RangeError);
    expect(() => sizeSectorOf('K', '69', '701')).toThrow(RangeError);
    expect(() => sizeSectorOf('K', undefined, '693')).toThrow(RangeError);
  });
});

describe('deriveCompanySize: 製造業その他 (3億円 or 300 employees; 小規模 ≤ 20)', () => {
  const mfg = { jsicMajor: 'E', jsicMiddle: '09' } as const;

  it('300 employees is an SME, 301 with large capital is not', () => {
    expect(deriveCompanySize({ ...mfg, capitalYen: 10 * OKU, employees: 300 })).toBe('sme');
    expect(deriveCompanySize({ ...mfg, capitalYen: 10 * OKU, employees: 301 })).toBe('large');
  });

  it('exactly 3億円 is an SME whatever the headcount; 3億円 + 1円 is not', () => {
    expect(deriveCompanySize({ ...mfg, capitalYen: 3 * OKU, employees: 5000 })).toBe('sme');
    expect(deriveCompanySize({ ...mfg, capitalYen: 3 * OKU + 1, employees: 5000 })).toBe('large');
  });

  it('either test is enough (OR)', () => {
    expect(deriveCompanySize({ ...mfg, capitalYen: 100 * OKU, employees: 150 })).toBe('sme');
    expect(deriveCompanySize({ ...mfg, capitalYen: 1000 * MAN, employees: 1200 })).toBe('sme');
  });

  it('小規模 is by employees only: 20 is small, 21 is not, even with large capital', () => {
    expect(deriveCompanySize({ ...mfg, capitalYen: 1000 * MAN, employees: 20 })).toBe('small');
    expect(deriveCompanySize({ ...mfg, capitalYen: 1000 * MAN, employees: 21 })).toBe('sme');
    expect(deriveCompanySize({ ...mfg, capitalYen: 50 * OKU, employees: 3 })).toBe('small');
    expect(deriveCompanySize({ ...mfg, capitalYen: 0, employees: 0 })).toBe('small');
  });

  it('capital unknown but employees known', () => {
    expect(deriveCompanySize({ ...mfg, employees: 20 })).toBe('small');
    expect(deriveCompanySize({ ...mfg, employees: 300 })).toBe('sme');
    // 301 employees: an SME if the capital is ≤ 3億円, so it cannot be decided.
    expect(deriveCompanySize({ ...mfg, employees: 301 })).toBe('unknown');
    expect(deriveCompanySize({ ...mfg, capitalYen: null, employees: 301 })).toBe('unknown');
  });

  it('employees unknown but capital known', () => {
    // An SME for sure, but small or not depends on the headcount.
    expect(deriveCompanySize({ ...mfg, capitalYen: 1000 * MAN })).toBe('unknown');
    expect(assessCompanySize({ ...mfg, capitalYen: 1000 * MAN })).toEqual({
      size: 'unknown',
      sector: 'manufacturing_other',
      isSme: true,
      isSmall: null,
    });
    // Capital above the limit: could still be an SME by headcount.
    expect(deriveCompanySize({ ...mfg, capitalYen: 10 * OKU })).toBe('unknown');
  });

  it('nothing known is unknown', () => {
    expect(deriveCompanySize({ ...mfg })).toBe('unknown');
    expect(deriveCompanySize({})).toBe('unknown');
  });
});

describe('deriveCompanySize: 卸売業, 小売業, サービス業', () => {
  it('卸売業: 1億円 or 100 employees; 小規模 ≤ 5', () => {
    const w = { jsicMiddle: '52' };
    expect(deriveCompanySize({ ...w, capitalYen: 1 * OKU, employees: 500 })).toBe('sme');
    expect(deriveCompanySize({ ...w, capitalYen: 1 * OKU + 1, employees: 100 })).toBe('sme');
    expect(deriveCompanySize({ ...w, capitalYen: 1 * OKU + 1, employees: 101 })).toBe('large');
    expect(deriveCompanySize({ ...w, capitalYen: 1 * OKU + 1, employees: 5 })).toBe('small');
    expect(deriveCompanySize({ ...w, capitalYen: 1000 * MAN, employees: 6 })).toBe('sme');
  });

  it('小売業: 5千万円 or 50 employees; 小規模 ≤ 5', () => {
    const r = { jsicMajor: 'I', jsicMiddle: '58' };
    expect(deriveCompanySize({ ...r, capitalYen: 5000 * MAN, employees: 1000 })).toBe('sme');
    expect(deriveCompanySize({ ...r, capitalYen: 5000 * MAN + 1, employees: 50 })).toBe('sme');
    expect(deriveCompanySize({ ...r, capitalYen: 5000 * MAN + 1, employees: 51 })).toBe('large');
    expect(deriveCompanySize({ ...r, employees: 5 })).toBe('small');
    expect(deriveCompanySize({ ...r, employees: 6 })).toBe('sme');
  });

  it('飲食店 is retail: 60 employees and 1億円 is large (it would be an SME as a service business)', () => {
    expect(deriveCompanySize({ jsicMajor: 'M', jsicMiddle: '76', capitalYen: 1 * OKU, employees: 60 })).toBe('large');
  });

  it('サービス業: 5千万円 or 100 employees; 小規模 ≤ 5', () => {
    const s = { jsicMajor: 'G', jsicMiddle: '39' }; // 情報サービス業
    expect(deriveCompanySize({ ...s, capitalYen: 5000 * MAN, employees: 400 })).toBe('sme');
    expect(deriveCompanySize({ ...s, capitalYen: 1 * OKU, employees: 100 })).toBe('sme');
    expect(deriveCompanySize({ ...s, capitalYen: 1 * OKU, employees: 101 })).toBe('large');
    expect(deriveCompanySize({ ...s, capitalYen: 1000 * MAN, employees: 5 })).toBe('small');
    expect(deriveCompanySize({ ...s, capitalYen: 1000 * MAN, employees: 6 })).toBe('sme');
  });

  it('a software house in G 39 with 200 employees and 1億円 is large, but G 37 通信業 would be an SME', () => {
    expect(deriveCompanySize({ jsicMiddle: '39', capitalYen: 1 * OKU, employees: 200 })).toBe('large');
    expect(deriveCompanySize({ jsicMiddle: '37', capitalYen: 1 * OKU, employees: 200 })).toBe('sme');
  });
});

describe('宿泊業・娯楽業: 小規模 up to 20 employees', () => {
  it('宿泊業 (M 75) with 20 employees is small, 21 is an SME', () => {
    expect(deriveCompanySize({ jsicMajor: 'M', jsicMiddle: '75', capitalYen: 1000 * MAN, employees: 20 })).toBe('small');
    expect(deriveCompanySize({ jsicMajor: 'M', jsicMiddle: '75', capitalYen: 1000 * MAN, employees: 21 })).toBe('sme');
  });

  it('娯楽業 (N 80) with 20 employees is small', () => {
    expect(deriveCompanySize({ jsicMiddle: '80', employees: 20 })).toBe('small');
    expect(deriveCompanySize({ jsicMiddle: '80', employees: 21 })).toBe('sme');
  });

  it('keeps the サービス業 SME limits (5千万円 or 100 employees)', () => {
    expect(deriveCompanySize({ jsicMiddle: '75', capitalYen: 1 * OKU, employees: 100 })).toBe('sme');
    expect(deriveCompanySize({ jsicMiddle: '75', capitalYen: 1 * OKU, employees: 101 })).toBe('large');
    expect(deriveCompanySize({ jsicMiddle: '80', capitalYen: 5000 * MAN, employees: 500 })).toBe('sme');
  });

  it('other service industries stay at 5: 飲食店 (retail) and 洗濯・理容 (N 78) with 6 employees are not small', () => {
    expect(deriveCompanySize({ jsicMiddle: '76', employees: 6 })).toBe('sme');
    expect(deriveCompanySize({ jsicMiddle: '78', employees: 6 })).toBe('sme');
    expect(deriveCompanySize({ jsicMiddle: '78', employees: 5 })).toBe('small');
  });
});

describe('incomplete industry: computed for every possible sector, returned only when they agree', () => {
  it('no industry: decidable at the extremes only', () => {
    expect(deriveCompanySize({ employees: 5 })).toBe('small'); // small in every sector
    expect(deriveCompanySize({ employees: 6 })).toBe('unknown'); // small in 製造業, not in 商業
    expect(deriveCompanySize({ capitalYen: 5000 * MAN, employees: 30 })).toBe('sme');
    expect(deriveCompanySize({ capitalYen: 3 * OKU + 1, employees: 301 })).toBe('large');
    expect(deriveCompanySize({ capitalYen: 2 * OKU, employees: 200 })).toBe('unknown');
    expect(assessCompanySize({ employees: 30 })).toEqual({ size: 'sme', sector: null, isSme: true, isSmall: false });
  });

  it('大分類 I alone: wholesale or retail', () => {
    expect(deriveCompanySize({ jsicMajor: 'I', employees: 40 })).toBe('sme'); // ≤ 50 and ≤ 100
    expect(deriveCompanySize({ jsicMajor: 'I', capitalYen: 8000 * MAN, employees: 80 })).toBe('unknown');
    expect(deriveCompanySize({ jsicMajor: 'I', capitalYen: 2 * OKU, employees: 200 })).toBe('large');
  });

  it('中分類 69 without 小分類: 駐車場業 (services) or 不動産賃貸・管理 (その他)', () => {
    expect(deriveCompanySize({ jsicMiddle: '69', employees: 3 })).toBe('small');
    expect(deriveCompanySize({ jsicMiddle: '69', employees: 10 })).toBe('unknown');
    expect(deriveCompanySize({ jsicMiddle: '69', jsicMinor: '692', employees: 10 })).toBe('small');
    expect(deriveCompanySize({ jsicMiddle: '69', jsicMinor: '693', employees: 10 })).toBe('sme');
    expect(deriveCompanySize({ jsicMiddle: '69', capitalYen: 1 * OKU, employees: 50 })).toBe('sme');
  });

  it('旅行業 (791) is 製造業その他: 200 employees with 1億円 is an SME', () => {
    expect(deriveCompanySize({ jsicMiddle: '79', jsicMinor: '791', capitalYen: 1 * OKU, employees: 200 })).toBe('sme');
    expect(deriveCompanySize({ jsicMiddle: '79', jsicMinor: '799', capitalYen: 1 * OKU, employees: 200 })).toBe('large');
    expect(deriveCompanySize({ jsicMiddle: '79', capitalYen: 1 * OKU, employees: 200 })).toBe('unknown');
  });

  it('大分類 M alone: 宿泊 (services, small ≤ 20) or 飲食 (retail, small ≤ 5)', () => {
    expect(deriveCompanySize({ jsicMajor: 'M', employees: 5 })).toBe('small');
    expect(deriveCompanySize({ jsicMajor: 'M', employees: 10 })).toBe('unknown');
    expect(assessCompanySize({ jsicMajor: 'M', employees: 10 })).toMatchObject({ isSme: true, isSmall: null });
  });
});

describe('個人事業主 (sole proprietors)', () => {
  it('are decided by employees only', () => {
    const base = { jsicMiddle: '09', soleProprietor: true };
    expect(deriveCompanySize({ ...base, employees: 3 })).toBe('small');
    expect(deriveCompanySize({ ...base, employees: 300 })).toBe('sme');
    expect(deriveCompanySize({ ...base, employees: 301 })).toBe('large'); // no capital to save it
    expect(deriveCompanySize({ ...base })).toBe('unknown');
    expect(deriveCompanySize({ ...base, capitalYen: 100, employees: 301 })).toBe('large'); // capital ignored
  });
});

describe('input validation', () => {
  it('rejects negative or non-finite amounts', () => {
    expect(() => deriveCompanySize({ jsicMiddle: '09', employees: -1 })).toThrow(RangeError);
    expect(() => deriveCompanySize({ jsicMiddle: '09', capitalYen: Number.NaN })).toThrow(RangeError);
    expect(() => deriveCompanySize({ jsicMiddle: '09', capitalYen: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});
