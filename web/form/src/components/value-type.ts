/** Every value type a control renders: the question types, of which custom field types are a subset. */
export type ValueType =
  | 'CHECKBOX' | 'COLOR' | 'COUNTRY' | 'COUNTRY_MULTI' | 'DATE' | 'DATETIME' | 'EMAIL' | 'FILE' | 'FILE_MULTI'
  | 'FLOAT' | 'LIST' | 'INTEGER' | 'PASSWORD' | 'RADIO' | 'SELECT' | 'SELECT_MULTI' | 'TEL' | 'TEXT' | 'TEXT_AREA'
  | 'TIME' | 'URL';
