import { useJsic, useMunicipalities, usePrefectures } from './reference.api';

/*
 * The <option> lists of the code tables, for every select that offers them (the company form, the
 * register's filters). The first, empty option is the caller's: 「選択してください」 or 「指定なし」.
 */

export function PrefectureOptions() {
  const prefectures = usePrefectures();
  return prefectures.data?.items.map((prefecture) => (
    <option key={prefecture.code} value={prefecture.code}>
      {prefecture.name}
    </option>
  ));
}

export function MunicipalityOptions({ prefectureCode }: { prefectureCode: string | null | undefined }) {
  const municipalities = useMunicipalities(prefectureCode);
  return municipalities.data?.items.map((municipality) => (
    <option key={municipality.code} value={municipality.code}>
      {municipality.name}
    </option>
  ));
}

export function JsicMajorOptions() {
  const jsic = useJsic();
  return jsic.data?.majors.map((major) => (
    <option key={major.code} value={major.code}>
      {major.code} {major.name}
    </option>
  ));
}

export function JsicMiddleOptions({ majorCode }: { majorCode: string | null | undefined }) {
  const jsic = useJsic();
  return jsic.data?.majors
    .find((major) => major.code === majorCode)
    ?.middles.map((middle) => (
      <option key={middle.code} value={middle.code}>
        {middle.code} {middle.name}
      </option>
    ));
}
