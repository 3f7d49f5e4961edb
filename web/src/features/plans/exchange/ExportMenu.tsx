import { Button, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChevronDown,
  IconFileSpreadsheet,
  IconFileWord,
  IconTableDown,
  IconTableImport,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api';
import { exchangeUrls } from './api';
import { ImportTasksModal } from './ImportTasksModal';

/**
 * The plan's Excel and Word menu: the import template and the import (managers of the plan only), the
 * progress workbook and the progress report in the administrative document layout (everyone who reads
 * the plan). Downloads are plain links: the server names the files in Vietnamese.
 */
export function ExportMenu({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const [importing, { open, close }] = useDisclosure(false);
  const manage = !!plan.abilities?.manage;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            rightSection={<IconChevronDown size={14} aria-hidden />}
            data-testid="exchange-menu"
          >
            {t('planExchange.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {manage && (
            <>
              <Menu.Label>{t('planExchange.importLabel')}</Menu.Label>
              <Menu.Item
                component="a"
                href={exchangeUrls.template(plan.id)}
                download
                leftSection={<IconTableDown size={16} aria-hidden />}
                data-testid="exchange-template"
              >
                {t('planExchange.template')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconTableImport size={16} aria-hidden />}
                onClick={open}
                data-testid="exchange-import"
              >
                {t('planExchange.import')}
              </Menu.Item>
              <Menu.Divider />
            </>
          )}
          <Menu.Label>{t('planExchange.exportLabel')}</Menu.Label>
          <Menu.Item
            component="a"
            href={exchangeUrls.exportXlsx(plan.id)}
            download
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            data-testid="exchange-export-xlsx"
          >
            {t('planExchange.exportXlsx')}
          </Menu.Item>
          <Menu.Item
            component="a"
            href={exchangeUrls.reportDocx(plan.id)}
            download
            leftSection={<IconFileWord size={16} aria-hidden />}
            data-testid="exchange-report-docx"
          >
            {t('planExchange.reportDocx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {manage && <ImportTasksModal planId={plan.id} opened={importing} onClose={close} />}
    </>
  );
}
