/**
 * The one way chidao compares Vietnamese text regardless of tone marks, case and spacing — for search and for
 * reading headers and labels people type: "Sở  Tư PHÁP" → "so tu phap", "Điều tra XHH" → "dieu tra xhh" (đ and Đ
 * are letters of their own, not a base letter with a mark, so they are mapped by hand). Pure.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
