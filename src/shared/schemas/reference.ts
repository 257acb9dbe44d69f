import { z } from 'zod';

export const prefectureList = z
  .object({
    edition: z.string().describe('Date of the code table'),
    items: z.array(z.object({ code: z.string(), code6: z.string(), name: z.string(), kana: z.string(), nameEn: z.string() })),
  })
  .meta({ id: 'PrefectureList' });

export const municipalityQuery = z.strictObject({ prefectureCode: z.string().regex(/^(0[1-9]|[1-3][0-9]|4[0-7])$/, 'prefecture_unknown') });

export const municipalityList = z
  .object({
    edition: z.string(),
    items: z.array(z.object({ code: z.string().describe('全国地方公共団体コード (6 digits)'), name: z.string(), kana: z.string(), kind: z.string() })),
  })
  .meta({ id: 'MunicipalityList' });

export const jsicList = z
  .object({
    edition: z.string(),
    majors: z.array(z.object({ code: z.string(), name: z.string(), middles: z.array(z.object({ code: z.string(), name: z.string() })) })),
  })
  .meta({ id: 'JsicList' });
