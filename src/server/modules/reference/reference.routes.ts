import { errorResponses } from '../../../shared/schemas/common';
import { jsicList, municipalityList, municipalityQuery, prefectureList } from '../../../shared/schemas/reference';
import { jsicMajors, municipalitiesOfPrefecture, prefectures, referenceEditions } from '../../../shared/reference';
import type { App } from '../../platform/http';

const tags = ['reference'];
/** Public code tables: they change only with a new edition of the app, so browsers may cache them for a day. */
const cacheForADay = 'public, max-age=86400';

export function referenceRoutes(app: App) {
  app.get('/reference/prefectures', {
    schema: { tags, summary: 'The 47 prefectures (JIS X 0401)', response: { 200: prefectureList } },
    handler: async (_request, reply) => {
      reply.header('cache-control', cacheForADay);
      return {
        edition: referenceEditions.municipalities.edition,
        items: prefectures.map((p) => ({ code: p.code2, code6: p.code6, name: p.name, kana: p.kana, nameEn: p.nameEn })),
      };
    },
  });

  app.get('/reference/municipalities', {
    schema: {
      tags,
      summary: 'Municipalities of a prefecture (全国地方公共団体コード)',
      querystring: municipalityQuery,
      response: { 200: municipalityList, ...errorResponses(400) },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', cacheForADay);
      return {
        edition: referenceEditions.municipalities.edition,
        items: municipalitiesOfPrefecture(request.query.prefectureCode).map((m) => ({ code: m.code6, name: m.name, kana: m.kana, kind: m.kind })),
      };
    },
  });

  app.get('/reference/jsic', {
    schema: { tags, summary: '日本標準産業分類 (令和5年改定): 大分類 and 中分類', response: { 200: jsicList } },
    handler: async (_request, reply) => {
      reply.header('cache-control', cacheForADay);
      return {
        edition: referenceEditions.jsic.edition,
        majors: jsicMajors.map((major) => ({
          code: major.code,
          name: major.name,
          middles: major.middles.map((middle) => ({ code: middle.code, name: middle.name })),
        })),
      };
    },
  });
}
