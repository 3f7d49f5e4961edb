/**
 * The contract of the Open311 GeoReport v2 endpoints (https://wiki.open311.org/GeoReport_v2) over the hotline:
 * field names are the spec's (snake_case), errors are the spec's `[{ code, description }]`. They also make the
 * OpenAPI document (`/api/docs`, tag `open311`).
 */
import { z } from 'zod';

/** Accepted on every endpoint and ignored: this server is one jurisdiction (the province). */
const jurisdictionId = z.string().trim().max(100).optional().meta({
  description: 'Accepted and ignored: this server is one jurisdiction (the province).',
});
/** The language of names, notes and error descriptions (default: Accept-Language, else Vietnamese). */
const locale = z.enum(['vi', 'en']).optional().meta({
  description: 'Language of service names, notes and error descriptions (default: Accept-Language, else vi).',
});

// ---------------------------------------------------------------------------------------------------
// Errors

export const open311Errors = z
  .array(z.object({ code: z.number().int(), description: z.string() }))
  .meta({ id: 'Open311Errors', description: 'Open311 errors: one entry per problem.' });
export type Open311ErrorsOut = z.infer<typeof open311Errors>;

/** The error answers every Open311 route may give (429: the rate limit). */
export const open311ErrorResponses = {
  400: open311Errors,
  403: open311Errors,
  404: open311Errors,
  429: open311Errors,
} as const;

/** The XML variants answer a document (`text/xml`): described, not validated. */
export const xmlDocument = z.string().meta({ description: 'An Open311 XML document (text/xml).' });
export const xmlResponses = {
  200: xmlDocument,
  400: xmlDocument,
  403: xmlDocument,
  404: xmlDocument,
  429: xmlDocument,
} as const;

// ---------------------------------------------------------------------------------------------------
// Services (the hotline's feedback categories)

export const servicesQuery = z.object({ jurisdiction_id: jurisdictionId, locale });

export const serviceOut = z
  .object({
    /** The category's stable key (`dat_dai`). */
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    /** Always false: no category asks for attributes. */
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: z.string(),
    group: z.string(),
  })
  .meta({ id: 'Open311Service' });
export type ServiceOut = z.infer<typeof serviceOut>;

export const serviceParams = z.object({ service_code: z.string().trim().min(1).max(60) });

export const serviceDefinitionOut = z
  .object({
    service_code: z.string(),
    /** Always empty (`metadata: false` for every service). */
    attributes: z.array(z.unknown()).max(0),
  })
  .meta({ id: 'Open311ServiceDefinition' });
export type ServiceDefinitionOut = z.infer<typeof serviceDefinitionOut>;

// ---------------------------------------------------------------------------------------------------
// Service requests (the hotline's cases)

/** ISO 8601 (W3C): a date-time with or without an offset (without: Vietnam time), or a date. */
const isoWhen = z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()]);

export const requestsQuery = z.object({
  jurisdiction_id: jurisdictionId,
  locale,
  service_request_id: z.string().trim().max(5000).optional().meta({
    description:
      'Tracking codes, comma-separated; when given, every other filter is ignored (as the spec says).',
  }),
  service_code: z.string().trim().max(1000).optional().meta({
    description: 'Service codes (comma-separated allowed).',
  }),
  start_date: isoWhen.optional().meta({
    description: 'Earliest requested_datetime (ISO 8601; a date alone is its first moment, Vietnam time).',
  }),
  end_date: isoWhen.optional().meta({
    description: 'Latest requested_datetime (ISO 8601; a date alone is its last moment, Vietnam time).',
  }),
  status: z
    .string()
    .trim()
    .regex(/^(open|closed)(,(open|closed))*$/, 'open, closed or open,closed')
    .optional()
    .meta({
      description: 'open (received, being handled) or closed (answered, refused, forwarded, merged).',
    }),
  max_requests: z.coerce.number().int().min(1).max(1000).optional().meta({
    description: 'At most this many (default and ceiling 1000), newest first.',
  }),
});
export type RequestsQuery = z.infer<typeof requestsQuery>;

export const requestParams = z.object({ service_request_id: z.string().trim().min(1).max(64) });
export const requestQuery = z.object({ jurisdiction_id: jurisdictionId, locale });

export const requestOut = z
  .object({
    /** The tracking code. */
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    /** The published answer, the refusal's reason, the body it was forwarded to, or the case it joined. */
    status_notes: z.string(),
    service_name: z.string(),
    service_code: z.string(),
    /** The description as published (personal data removed), only once the answer is published; else ''. */
    description: z.string(),
    /** The unit handling it (or the body it was forwarded to). */
    agency_responsible: z.string(),
    service_notice: z.string(),
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    /** The deadline: to triage, then to answer (end of that day, Vietnam time). */
    expected_datetime: z.string(),
    /** The place, only once the answer is published. */
    address: z.string().optional(),
    /** The point rounded to 3 decimals (about 100 m), only once the answer is published. */
    lat: z.number().optional(),
    long: z.number().optional(),
    /** Always '' (no media is published through Open311). */
    media_url: z.string(),
  })
  .meta({ id: 'Open311ServiceRequest' });
export type RequestOut = z.infer<typeof requestOut>;

/** A coordinate as a form sends it (a string, maybe empty) or as JSON does (a number). */
const coordinate = (limit: number) =>
  z
    .union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^$|^[-+]?\d{1,3}(\.\d+)?$/, 'a decimal number'),
    ])
    .refine((v) => v === '' || Math.abs(Number(v)) <= limit, `between -${limit} and ${limit}`)
    .optional();

const ignored = (what: string) =>
  z
    .string()
    .max(2000)
    .optional()
    .meta({ description: `${what}: accepted and ignored.` });

/**
 * `POST /requests.json` (`application/x-www-form-urlencoded`, JSON accepted too). `attribute[…]` fields are
 * accepted and ignored (no service has attributes).
 */
export const postRequestBody = z.object({
  api_key: z.string().max(200).optional().meta({
    description: 'Required: a key the province issued (CHIDAO_OPEN311_API_KEYS); 403 without a valid one.',
  }),
  jurisdiction_id: jurisdictionId,
  service_code: z.string().trim().min(1).max(60),
  lat: coordinate(90),
  long: coordinate(180),
  address_string: z.string().trim().max(300).optional().meta({
    description: 'Where it happened (published with the answer).',
  }),
  address_id: ignored('address_id'),
  email: z
    .union([z.literal(''), z.email().max(200)])
    .optional()
    .meta({ description: 'Personal data: never published.' }),
  device_id: ignored('device_id'),
  account_id: ignored('account_id'),
  first_name: z.string().trim().max(60).optional().meta({ description: 'Personal data: never published.' }),
  last_name: z.string().trim().max(60).optional().meta({ description: 'Personal data: never published.' }),
  phone: z.string().trim().max(30).optional().meta({ description: 'Personal data: never published.' }),
  description: z.string().trim().min(1).max(4000),
  media_url: ignored('media_url'),
});
export type PostRequestBody = z.infer<typeof postRequestBody>;

export const postRequestOut = z
  .array(
    z.object({
      service_request_id: z.string(),
      service_notice: z.string(),
      account_id: z.null(),
    }),
  )
  .meta({ id: 'Open311Created' });
export type PostRequestOut = z.infer<typeof postRequestOut>;
