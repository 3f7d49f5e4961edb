import { expect, it } from 'vitest';
import { pgliteMigratedBefore } from '../test/migrate-before.js';

/**
 * Migrations 0032–0034 (the work engine) on a database that already holds task and pilot-item history:
 * nothing is lost — every event keeps its id, text, dates and actor under its kind; cited evidence becomes
 * attachment rows of the item that cited it first (a file cited by two items stays downloadable only
 * through the first); pilot reports' last submission and review become events; the old tables go.
 */
it('0032–0034 carry task and pilot history, evidence and report reviews into the work engine (PGlite)', async () => {
  const { client, migrateRest, close } = await pgliteMigratedBefore('0032_');
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  try {
    await client.exec(`
      INSERT INTO units (id, code, name, full_name, kind, valid_from) VALUES
        ('${id(1)}', '40', 'Nghệ An', 'Tỉnh Nghệ An', 'province', '1991-08-12'),
        ('${id(2)}', '40.tuphap', 'Sở Tư pháp', 'Sở Tư pháp tỉnh Nghệ An', 'department', '2008-04-04');
      INSERT INTO users (id, email, full_name) VALUES ('${id(3)}', 'daumoi@x.vn', 'Đầu Mối'), ('${id(4)}', 'tt@x.vn', 'Thường Trực');
      INSERT INTO files (id, original_name, media_type, extension, size, sha256, storage_key, created_by) VALUES
        ('${id(5)}', 'Báo cáo.pdf', 'application/pdf', 'pdf', 10, 'a', 'aa', '${id(3)}'),
        ('${id(6)}', 'Phụ lục.pdf', 'application/pdf', 'pdf', 10, 'b', 'bb', NULL);
      INSERT INTO plans (id, year, owner_unit_id, title) VALUES ('${id(7)}', 2025, '${id(1)}', 'Kế hoạch CCHC 2025');
      INSERT INTO plan_tasks (id, plan_id, title, reform_area, lead_unit_id, status) VALUES
        ('${id(8)}', '${id(7)}', 'Rà soát TTHC', 'procedures', '${id(2)}', 'reported_done'),
        ('${id(9)}', '${id(7)}', 'Số hoá hồ sơ', 'digital_government', '${id(2)}', 'in_progress');
      INSERT INTO task_events (id, task_id, action, from_status, to_status, note, percent, file_ids, at, "on", actor_id) VALUES
        ('${id(10)}', '${id(8)}', 'progress', NULL, NULL, 'Đang rà soát', 50, '[]', '2025-03-01T02:00:00Z', '2025-03-01', '${id(3)}'),
        ('${id(11)}', '${id(8)}', 'report_done', 'in_progress', 'reported_done', 'Đã rà soát 120 TTHC', NULL,
         '["${id(5)}", "${id(6)}"]', '2025-04-01T02:00:00Z', '2025-04-01', '${id(3)}'),
        ('${id(12)}', '${id(9)}', 'progress', NULL, NULL, 'Dùng lại tệp', 10, '["${id(5)}"]', '2025-05-01T02:00:00Z', '2025-05-01', '${id(3)}');
      INSERT INTO committees (id, name, level, host_unit_id, founded_on) VALUES ('${id(13)}', 'BCĐ CCHC tỉnh', 'province', '${id(1)}', '2021-01-01');
      INSERT INTO pilot_programmes (id, committee_id, year) VALUES ('${id(14)}', '${id(13)}', 2024);
      INSERT INTO pilot_units (id, programme_id, unit_id) VALUES ('${id(15)}', '${id(14)}', '${id(2)}');
      INSERT INTO pilot_items (id, pilot_unit_id, title, reform_area, due_date, original_due_date, status) VALUES
        ('${id(16)}', '${id(15)}', 'Một cửa điện tử', 'procedures', '2024-06-30', '2024-06-30', 'verified');
      INSERT INTO pilot_item_events (id, item_id, action, from_status, to_status, note, file_ids, "on", actor_id) VALUES
        ('${id(17)}', '${id(16)}', 'verify', 'reported_done', 'verified', NULL, '[]', '2024-07-02', '${id(4)}');
      INSERT INTO pilot_reports (id, pilot_unit_id, kind, status, overall, submitted_on, submitted_by, reviewed_on, reviewed_by, return_reason) VALUES
        ('${id(18)}', '${id(15)}', 'half_year', 'accepted', 'Đạt', '2024-06-18', '${id(3)}', '2024-06-25', '${id(4)}', NULL),
        ('${id(19)}', '${id(15)}', 'year_end', 'returned', 'Chưa đủ', '2024-12-15', '${id(3)}', '2024-12-18', '${id(4)}', 'Thiếu số liệu');
    `);
    await migrateRest();
    const events = await client.query<Record<string, unknown>>(
      `SELECT id, kind, item_id, action, note, percent, "on"::text AS on, actor_id FROM work_events ORDER BY kind, at, action`,
    );
    expect(events.rows.filter((e) => e.kind === 'plan_task')).toEqual([
      expect.objectContaining({
        id: id(10),
        item_id: id(8),
        action: 'progress',
        note: 'Đang rà soát',
        percent: 50,
      }),
      expect.objectContaining({
        id: id(11),
        action: 'report_done',
        note: 'Đã rà soát 120 TTHC',
        on: '2025-04-01',
      }),
      expect.objectContaining({ id: id(12), item_id: id(9), action: 'progress', actor_id: id(3) }),
    ]);
    expect(events.rows.filter((e) => e.kind === 'pilot_item')).toEqual([
      expect.objectContaining({ id: id(17), item_id: id(16), action: 'verify', actor_id: id(4) }),
    ]);
    expect(
      events.rows.filter((e) => e.kind === 'pilot_report').map((e) => [e.item_id, e.action, e.on, e.note]),
    ).toEqual([
      [id(18), 'submit', '2024-06-18', null],
      [id(18), 'accept', '2024-06-25', null],
      [id(19), 'submit', '2024-12-15', null],
      [id(19), 'return', '2024-12-18', 'Thiếu số liệu'],
    ]);
    const attachments = await client.query<Record<string, unknown>>(
      `SELECT file_id, kind, item_id, uploaded_by, expires_at FROM work_attachments ORDER BY file_id`,
    );
    expect(attachments.rows).toEqual([
      { file_id: id(5), kind: 'plan_task', item_id: id(8), uploaded_by: id(3), expires_at: null },
      { file_id: id(6), kind: 'plan_task', item_id: id(8), uploaded_by: id(3), expires_at: null },
    ]);
    const cited = await client.query<Record<string, unknown>>(
      `SELECT event_id, file_id, position FROM work_event_files ORDER BY event_id, position`,
    );
    expect(cited.rows).toEqual([
      { event_id: id(11), file_id: id(5), position: 0 },
      { event_id: id(11), file_id: id(6), position: 1 },
      { event_id: id(12), file_id: id(5), position: 0 },
    ]);
    const old = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE tablename IN ('task_events', 'pilot_item_events')`,
    );
    expect(old.rows[0]!.n).toBe(0);
    await expect(client.query(`UPDATE work_events SET note = 'x'`)).rejects.toThrow(/append-only/);
  } finally {
    await close();
  }
});
