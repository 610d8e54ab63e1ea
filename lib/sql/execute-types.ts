export interface RawResult {
  fields: { name: string; dataTypeID: number }[];
  rows: unknown[][];
}
