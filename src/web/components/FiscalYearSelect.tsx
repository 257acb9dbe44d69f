import type { ReactNode } from 'react';
import { fiscalYearLabel } from '../../shared/domain/fiscal-year';
import { currentLocale } from '../i18n';
import { FormField, SelectInput } from './FormField';

/** The years from `from` to `to`, newest first (a fiscal-year select lists the current year on top). */
export function fiscalYearsBetween(from: number, to: number): number[] {
  const years: number[] = [];
  for (let year = to; year >= from; year--) years.push(year);
  return years;
}

/**
 * A 年度 select whose options read 「2025年度（令和7年度）」 (西暦 with 和暦). With `anyLabel` the first option
 * is "every year" (value undefined).
 */
export function FiscalYearSelect({
  name,
  label,
  years,
  value,
  onChange,
  anyLabel,
  support,
}: {
  name: string;
  label: ReactNode;
  years: number[];
  value: number | undefined;
  onChange: (year: number | undefined) => void;
  anyLabel?: string;
  support?: ReactNode;
}) {
  const locale = currentLocale();
  return (
    <FormField name={name} label={label} support={support}>
      {(control) => (
        <SelectInput {...control} value={value === undefined ? '' : String(value)} onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}>
          {anyLabel ? <option value="">{anyLabel}</option> : null}
          {years.map((year) => (
            <option key={year} value={year}>
              {fiscalYearLabel(year, locale)}
            </option>
          ))}
        </SelectInput>
      )}
    </FormField>
  );
}
