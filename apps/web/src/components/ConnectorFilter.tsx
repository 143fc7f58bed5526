import { SelectField } from "./Field";

/** A page's "which connector" filter: all of them (value "") or one. */
export function ConnectorFilter({
  connectors,
  value,
  onChange,
}: {
  connectors: { id: string; name: string }[];
  value: string;
  onChange(connectorId: string): void;
}) {
  return (
    <SelectField
      label={<span className="sr-only">Connector</span>}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">All connectors</option>
      {connectors.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </SelectField>
  );
}
