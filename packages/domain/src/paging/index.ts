// Paging and text search shared by every list the API serves.
export {
  cleanQuery,
  containsPattern,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Page,
  type PageRequest,
  pageWindow,
} from "./paging";
