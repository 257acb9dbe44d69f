import type { ReactNode } from 'react';
import { FormField, SelectInput } from '../../components/FormField';
import { currentLocale } from '../../i18n';
import { planYearLabel } from './plan-format';

/** The options of a select of fiscal years, labelled 「2025（令和7）年度」 (西暦 and 和暦). */
export function PlanYearOptions({ years }: { years: number[] }) {
  const locale = currentLocale();
  return (
    <>
      {years.map((year) => (
        <option key={year} value={year}>
          {planYearLabel(year, locale)}
        </option>
      ))}
    </>
  );
}

/** A select of the plan's fiscal years, labelled 「2025（令和7）年度」. */
export function PlanYearSelect({
  name,
  label,
  years,
  value,
  onChange,
  support,
}: {
  name: string;
  label: ReactNode;
  years: number[];
  value: number;
  onChange: (year: number) => void;
  support?: ReactNode;
}) {
  return (
    <FormField name={name} label={label} support={support}>
      {(control) => (
        <SelectInput {...control} value={String(value)} onChange={(event) => onChange(Number(event.target.value))} className="max-w-xs">
          <PlanYearOptions years={years} />
        </SelectInput>
      )}
    </FormField>
  );
}

