import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fiscalYearLabel, fiscalYearOf } from '../../../shared/domain/fiscal-year';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../../shared/schemas/programme';
import { isApiError } from '../../api/client';
import { Button } from '../../components/Button';
import { FiscalYearSelect } from '../../components/FiscalYearSelect';
import { LoadError, Loading } from '../../components/Feedback';
import { Checkbox, FieldGroup, FormField, SelectInput } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { DetailList } from '../../components/Table';
import { TextLink } from '../../components/TextLink';
import { CountingRules } from '../../features/programmes/CountingRules';
import { formatPeriod } from '../../features/programmes/programme-labels';
import { useProgrammes } from '../../features/programmes/programmes.api';
import { CrossTabTable, KpiTable, MonthlyTable, TotalsTable } from '../../features/reports/CommissionTables';
import { useReportYears } from '../../features/reports/report-format';
import { type CommissionParams, type CommissionReport, downloadCommissionCsv, downloadCommissionXlsx, useCommissionReport } from '../../features/reports/reports.api';
import { useCurrentRole } from '../../features/session/session.api';
import { type Locale, currentLocale } from '../../i18n';
import { formatLongDate } from '../../lib/dates';
import { errorMessage } from '../../lib/errors';
import type { CommissionSearch } from './report-search';

/**
 * The commission report (委託事業 実績報告) under a programme's counting rules: the definition, KPIs against
 * the targets, the months with quarter subtotals and one cross-tab per dimension. For publication, small
 * cells are hidden as 「＊」. Exports (XLSX, CSV) and a print layout (A4 portrait) carry the same figures.
 */
export function CommissionReportPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const search = useSearch({ from: '/app/reports/commission' });
  const navigate = useNavigate({ from: '/reports/commission' });
  const currentYear = fiscalYearOf(new Date());
  const publication = search.publication === true;
  const params: CommissionParams = search.programmeId
    ? { programmeId: search.programmeId, publication }
    : { fiscalYear: search.fiscalYear ?? currentYear, publication };
  const report = useCommissionReport(params);
  const data = report.data;
  const fiscalYear = data?.fiscalYear ?? search.fiscalYear ?? currentYear;
  const setSearch = (next: CommissionSearch) => void navigate({ search: next });

  const yearLabel = fiscalYearLabel(fiscalYear, locale);
  const title = t('commission.title');
  const documentTitle = [title, yearLabel, data?.programme.name, publication ? t('commission.publicationShort') : null].filter(Boolean).join(' ');
  return (
    <div className="report-page">
      <TextLink to="/reports" search={{}} className="mb-4 inline-block text-std-16N-170 print:hidden">
        {t('commission.backToDashboard')}
      </TextLink>
      <PageHeading title={documentTitle} lead={<span className="print:hidden">{t('commission.lead')}</span>}>
        {title}
        <span className="mt-1 block text-std-24B-150 text-solid-gray-800">{yearLabel}</span>
        {data ? <span className="mt-1 block text-std-20N-150 text-solid-gray-700">{data.programme.name}</span> : null}
        {publication ? <span className="mt-1 block text-std-20B-150 text-solid-gray-900">{t('commission.publicationHeading')}</span> : null}
      </PageHeading>

      <ReportControls search={search} fiscalYear={fiscalYear} report={data} setSearch={setSearch} params={params} currentYear={currentYear} />

      {report.isPending ? <Loading /> : null}
      {report.isError ? <ReportError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {data ? <ReportBody report={data} locale={locale} /> : null}
    </div>
  );
}

function ReportError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const role = useCurrentRole();
  if (isApiError(error) && error.code === 'NO_DEFAULT_PROGRAMME') {
    return (
      <Notice tone="warning" title={errorMessage(t, error)}>
        <p>{t('commission.noDefaultBody')}</p>
        <TextLink to="/admin/programmes" search={{}} className="mt-2 inline-block">
          {role === 'admin' ? t('dashboard.toProgrammes') : t('commission.seeProgrammes')}
        </TextLink>
      </Notice>
    );
  }
  return <LoadError error={error} onRetry={onRetry} />;
}

/** Which report (年度, programme), for publication or not, and the ways out: XLSX, CSV, print. */
function ReportControls({
  search,
  fiscalYear,
  report,
  setSearch,
  params,
  currentYear,
}: {
  search: CommissionSearch;
  fiscalYear: number;
  report: CommissionReport | undefined;
  setSearch: (next: CommissionSearch) => void;
  params: CommissionParams;
  currentYear: number;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const years = useReportYears(currentYear);
  const programmes = useProgrammes('all', fiscalYear);
  const threshold = report?.programme.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const [encoding, setEncoding] = useState<'utf8' | 'cp932'>('utf8');
  const download = useMutation({ mutationFn: (kind: 'xlsx' | 'csv') => (kind === 'xlsx' ? downloadCommissionXlsx(params) : downloadCommissionCsv(params, encoding)) });
  const publication = search.publication === true;
  return (
    <div className="mb-10 space-y-6 print:hidden">
      <section aria-labelledby="report-choice-heading" className="rounded-12 border border-solid-gray-420 bg-solid-gray-50 p-4 sm:p-6">
        <h2 id="report-choice-heading" className="mb-4 text-std-20B-150">
          {t('commission.choiceTitle')}
        </h2>
        <div className="flex flex-wrap items-end gap-x-6 gap-y-4">
          <FiscalYearSelect
            name="reportFiscalYear"
            label={t('reports.fiscalYear')}
            years={years.includes(fiscalYear) ? years : [...years, fiscalYear].sort((a, b) => b - a)}
            value={fiscalYear}
            onChange={(year) => setSearch({ fiscalYear: year, publication: search.publication })}
          />
          <FormField name="reportProgramme" label={t('commission.programme')}>
            {(control) => (
              <SelectInput {...control} value={search.programmeId ?? ''} onChange={(event) => setSearch({ fiscalYear, programmeId: event.target.value || undefined, publication: search.publication })}>
                <option value="">{t('commission.defaultProgramme')}</option>
                {(programmes.data?.items ?? []).map((programme) => (
                  <option key={programme.id} value={programme.id}>
                    {programme.archivedAt ? t('commission.archivedOption', { name: programme.name }) : programme.name}
                  </option>
                ))}
              </SelectInput>
            )}
          </FormField>
        </div>
        <FieldGroup name="publication" legend={t('commission.publicationLegend')} className="mt-6" support={t('commission.publicationSupport', { threshold })}>
          <Checkbox checked={publication} onChange={(event) => setSearch({ ...search, publication: event.target.checked ? true : undefined })}>
            {t('commission.publicationToggle', { threshold })}
          </Checkbox>
        </FieldGroup>
      </section>

      <section aria-labelledby="report-output-heading" className="rounded-12 border border-solid-gray-420 p-4 sm:p-6">
        <h2 id="report-output-heading" className="mb-1 text-std-20B-150">
          {t('commission.outputTitle')}
        </h2>
        <p className="mb-4 text-std-16N-170 text-solid-gray-700">{publication ? t('commission.outputLeadPublication') : t('commission.outputLead')}</p>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <div>
            <h3 className="mb-2 text-std-17B-170">{t('commission.xlsxTitle')}</h3>
            <Button variant="solid-fill" onClick={() => download.mutate('xlsx')} isBusy={download.isPending && download.variables === 'xlsx'} aria-disabled={!report || undefined}>
              {t('commission.downloadXlsx')}
            </Button>
          </div>
          <div>
            <h3 className="mb-2 text-std-17B-170">{t('commission.csvTitle')}</h3>
            <div className="flex flex-wrap items-end gap-3">
              <FormField name="reportCsvEncoding" label={t('caseExport.encoding')}>
                {(control) => (
                  <SelectInput {...control} value={encoding} onChange={(event) => setEncoding(event.target.value as 'utf8' | 'cp932')}>
                    <option value="utf8">{t('caseExport.utf8')}</option>
                    <option value="cp932">{t('commission.cp932')}</option>
                  </SelectInput>
                )}
              </FormField>
              <Button onClick={() => download.mutate('csv')} isBusy={download.isPending && download.variables === 'csv'} aria-disabled={!report || undefined}>
                {t('commission.downloadCsv')}
              </Button>
            </div>
          </div>
          <div>
            <h3 className="mb-2 text-std-17B-170">{t('commission.printTitle')}</h3>
            <Button onClick={() => window.print()} aria-disabled={!report || undefined}>
              {t('commission.print')}
            </Button>
            <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('commission.printHint', { year: fiscalYearLabel(fiscalYear, locale) })}</p>
          </div>
        </div>
        {download.isError ? (
          <p role="alert" className="mt-3 text-dns-16N-130 text-error-2">
            ＊{errorMessage(t, download.error)}
          </p>
        ) : null}
      </section>
    </div>
  );
}

function ReportBody({ report, locale }: { report: CommissionReport; locale: Locale }) {
  const { t } = useTranslation();
  const programme = report.programme;
  return (
    <article className="report-body">
      <section aria-labelledby="report-header-heading" className="max-w-4xl">
        <h2 id="report-header-heading" className="mb-4 text-std-24B-150">
          {t('commission.headerTitle')}
        </h2>
        <DetailList
          items={[
            { label: t('programmeForm.name'), value: programme.name },
            { label: t('programmeForm.commissioner'), value: programme.commissioner ?? t('common.notRecorded') },
            { label: t('reports.fiscalYear'), value: report.fiscalYearLabel },
            { label: t('programmes.fields.period'), value: formatPeriod(t, report.period.from, report.period.to, locale) },
            { label: t('commission.asOf'), value: formatLongDate(report.asOf, locale) },
            { label: t('commission.mode'), value: report.publication ? t('commission.modePublication', { threshold: programme.suppressionThreshold }) : t('commission.modeInternal') },
          ]}
        />
        {report.publication ? (
          <Notice tone="info" title={t('commission.suppressionTitle')} className="mt-6">
            <p>{t('commission.suppressionBody', { threshold: programme.suppressionThreshold })}</p>
          </Notice>
        ) : null}
        <div className="mt-8 report-keep">
          <CountingRules headingLevel={2} id="report-definition" rules={{ ...programme, isArchived: programme.archivedAt !== null }} />
        </div>
      </section>

      <section aria-labelledby="kpi-section-heading" className="mt-12 max-w-4xl print:break-before-page">
        <h2 id="kpi-section-heading" className="mb-4 text-std-24B-150">
          {t('commission.kpiTitle')}
        </h2>
        <KpiTable report={report} locale={locale} />
        <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('commission.kpiNote')}</p>
        <div className="mt-8">
          <TotalsTable report={report} locale={locale} />
        </div>
        <p className="mt-2 text-std-16N-170 text-solid-gray-700">
          {t('commission.hoursNote', { hours: report.totals.hours, preparation: report.totals.preparationHours })}
        </p>
      </section>

      <section aria-labelledby="monthly-section-heading" className="mt-12 max-w-4xl print:break-before-page">
        <h2 id="monthly-section-heading" className="mb-4 text-std-24B-150">
          {t('commission.monthlyTitle')}
        </h2>
        <MonthlyTable report={report} locale={locale} />
      </section>

      {report.crossTabs.map((crossTab) => (
        <section key={crossTab.dimension} aria-labelledby={`crosstab-${crossTab.dimension}`} className="mt-12 print:break-before-page">
          <h2 id={`crosstab-${crossTab.dimension}`} className="mb-2 text-std-24B-150">
            {crossTab.title}
          </h2>
          <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-700">
            {crossTab.multiAnswer ? `${t('commission.multiAnswer')} ` : ''}
            {t('commission.crossTabLead')}
          </p>
          <CrossTabTable report={report} crossTab={crossTab} locale={locale} caption={t('commission.crossTabCaption', { title: crossTab.title })} />
        </section>
      ))}

      <section aria-labelledby="notes-heading" className="mt-12 max-w-4xl print:break-inside-avoid">
        <h2 id="notes-heading" className="mb-4 text-std-24B-150">
          {t('commission.notesTitle')}
        </h2>
        <ul className="list-disc space-y-1 pl-6 text-std-16N-170">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}
