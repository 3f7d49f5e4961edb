import { SESSION } from '../../core/access.js';
import { errorResponses, type App } from '../../core/http.js';
import { signedIn } from '../../core/request.js';
import {
  addWorkingDaysOut,
  addWorkingDaysQuery,
  calendarYearOut,
  holidaysOut,
  holidaysQuery,
  receiptOut,
  receiptQuery,
  workingDaysBetweenOut,
  workingDaysBetweenQuery,
  yearParams,
  yearUpdateIn,
} from './calendar.schemas.js';
import {
  addWorkingDays,
  getYear,
  holidays,
  receipt,
  updateYear,
  workingDaysBetween,
} from './calendar.service.js';

const tags = ['calendar'];

/** The working-day calendar: announced schedules per year (editable) and deadline arithmetic. */
export async function calendarRoutes(app: App) {
  app.get(
    '/years/:year',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: "One year's schedule in force (shipped defaults or edited), its days off and my abilities",
        params: yearParams,
        response: { 200: calendarYearOut, ...errorResponses },
      },
    },
    async (request) => getYear(signedIn(request), request.params.year),
  );

  app.put(
    '/years/:year',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          "Replace one year's schedule (administrators, standing-agency officers). Send the version read: 0 while the year uses the shipped defaults (this creates its row); a stale version gets 409",
        params: yearParams,
        body: yearUpdateIn,
        response: { 200: calendarYearOut, ...errorResponses },
      },
    },
    async (request) => updateYear(signedIn(request), request.params.year, request.body),
  );

  app.get(
    '/holidays',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Days off other than plain weekends, and working weekend days, of a year',
        querystring: holidaysQuery,
        response: { 200: holidaysOut, ...errorResponses },
      },
    },
    async (request) => holidays(signedIn(request), request.query.year),
  );

  app.get(
    '/add-working-days',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'The n-th working day after `from` (n = 0: `from` itself if it is a working day, else the next)',
        querystring: addWorkingDaysQuery,
        response: { 200: addWorkingDaysOut, ...errorResponses },
      },
    },
    async (request) => {
      const { from, n } = request.query;
      return { from, n, date: await addWorkingDays(signedIn(request), from, n) };
    },
  );

  app.get(
    '/working-days-between',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary: 'Working days d with from < d ≤ to (negative when `to` is before `from`)',
        querystring: workingDaysBetweenQuery,
        response: { 200: workingDaysBetweenOut, ...errorResponses },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      return { from, to, workingDays: await workingDaysBetween(signedIn(request), from, to) };
    },
  );

  app.get(
    '/receipt',
    {
      config: { access: SESSION },
      schema: {
        tags,
        summary:
          'Receipt day and due date of a dossier submitted at `at`: at or after closing time (17:00 Vietnam time) or on a day off it counts from the next working day; the due date is that day + n working days, until closing time',
        querystring: receiptQuery,
        response: { 200: receiptOut, ...errorResponses },
      },
    },
    async (request) => receipt(signedIn(request), request.query.at, request.query.n),
  );
}
