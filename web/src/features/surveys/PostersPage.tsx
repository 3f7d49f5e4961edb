import './posters.css';
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { getPosters, surveyKeys, type Poster, type TargetGroup } from './api';

/**
 * The poster's words. The public reads them, whatever language the office uses: Vietnamese first and large, English
 * under it, smaller — both always printed, so they live here rather than in the reader's language catalog.
 */
const POSTER = {
  call: {
    vi: 'Quét mã để đánh giá — ẩn danh, khoảng 5 phút',
    en: 'Scan to give your feedback — anonymous, about 5 minutes',
  },
  forGroup: { vi: 'Dành cho', en: 'For' },
  qrAlt: { vi: 'Mã QR mở phiếu khảo sát', en: 'QR code opening the survey form' },
  orType: { vi: 'hoặc nhập địa chỉ', en: 'or type the address' },
  groups: {
    citizen: { vi: 'Người dân', en: 'Citizens' },
    business: { vi: 'Doanh nghiệp', en: 'Businesses' },
    official: { vi: 'Công chức', en: 'Civil servants' },
    deputy: { vi: 'Đại biểu', en: 'Deputies' },
  } satisfies Record<TargetGroup, { vi: string; en: string }>,
};

/** One A4 page per poster, no margin of the browser's own (the poster has its own): only while this page is shown. */
const PAGE_STYLE = '@page { size: A4; margin: 0; }';

/**
 * The server's QR code (an SVG document it generated itself) as an image: a data URL in an `<img>`, never HTML put
 * into the page, so nothing in it can run.
 */
export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** The short link written out: without the scheme, as people type it. */
const shortLink = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

function PosterPage({ p, title, province }: { p: Poster; title: string; province: string }) {
  const group = POSTER.groups[p.targetGroup];
  return (
    <section className="survey-poster" data-testid="poster-page" aria-label={`${p.unit} — ${group.vi}`}>
      <div className="poster-province">{province}</div>
      <div className="poster-title">{title}</div>
      <div className="poster-unit">{p.unit}</div>
      <div className="poster-group">
        {POSTER.forGroup.vi}: <strong>{group.vi}</strong> <span className="poster-call-en">({group.en})</span>
      </div>
      <img className="poster-qr" src={svgDataUrl(p.svg)} alt={POSTER.qrAlt.vi} data-testid="poster-qr" />
      <div>
        <div className="poster-call">{POSTER.call.vi}</div>
        <div className="poster-call-en">{POSTER.call.en}</div>
      </div>
      <div>
        <div className="poster-call-en">
          {POSTER.orType.vi} / {POSTER.orType.en}
        </div>
        <div className="poster-url" data-testid="poster-url">
          {shortLink(p.url)}
        </div>
      </div>
    </section>
  );
}

/**
 * The survey's QR posters (`/surveys/$id/posters`): one A4 page per target — the province and the survey, the unit and
 * the respondent group, the big QR code, the short link, and "Quét mã để đánh giá — ẩn danh, khoảng 5 phút". "In /
 * Lưu PDF" prints them (or saves a PDF) with nothing of the application around them.
 */
export function PostersPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams({ strict: false });
  const q = useQuery({ queryKey: surveyKeys.posters(id), queryFn: () => getPosters(id), enabled: !!id });
  // The print styles hide the application's chrome only while this page is shown.
  useEffect(() => {
    document.body.classList.add('survey-posters-printing');
    const style = document.createElement('style');
    style.textContent = PAGE_STYLE;
    document.head.appendChild(style);
    return () => {
      document.body.classList.remove('survey-posters-printing');
      style.remove();
    };
  }, []);
  const data = q.data;
  return (
    <div data-testid="posters-page">
      <div className="survey-posters-screen">
        <PageHeader
          title={
            data ? t('surveys.posters.titleOf', { title: data.survey.title }) : t('surveys.posters.title')
          }
          documentTitle={t('surveys.posters.title')}
          description={t('surveys.posters.lead')}
          actions={
            <>
              <Button
                variant="default"
                leftSection={<IconArrowLeft size={16} aria-hidden />}
                renderRoot={(props) => (
                  <Link to="/surveys/$id" params={{ id }} search={{ tab: 'targets' } as never} {...props} />
                )}
              >
                {t('surveys.posters.back')}
              </Button>
              <Button
                leftSection={<IconPrinter size={16} aria-hidden />}
                onClick={() => window.print()}
                disabled={!data?.items.length}
                data-testid="posters-print"
              >
                {t('surveys.posters.print')}
              </Button>
            </>
          }
        />
        {data && data.items.length > 0 && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} mb="md">
            <Text size="sm">{t('surveys.posters.howTo', { count: data.items.length })}</Text>
          </Alert>
        )}
      </div>
      {q.isLoading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      <ErrorAlert error={q.error} />
      {data && data.items.length === 0 && (
        <Stack gap="sm" className="survey-posters-screen">
          <Text c="dimmed" data-testid="posters-empty">
            {t('surveys.posters.none')}
          </Text>
          <Group>
            <Button
              variant="light"
              renderRoot={(props) => <Link to="/surveys/$id" params={{ id }} {...props} />}
            >
              {t('surveys.posters.setTargets')}
            </Button>
          </Group>
        </Stack>
      )}
      {data && data.items.length > 0 && (
        <div className="survey-posters">
          {data.items.map((p) => (
            <PosterPage key={p.targetId} p={p} title={data.survey.title} province={data.survey.province} />
          ))}
        </div>
      )}
    </div>
  );
}
