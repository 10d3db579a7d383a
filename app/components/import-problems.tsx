import { TableWrap } from "~/components/table-wrap";
/** The problems an import's dry run found: one row per problem, with its row, column and reason. */
export function ImportProblems({ problems, caption }: { problems: { row: number; column: string; message: string }[]; caption?: string }) {
  if (problems.length === 0) return null;
  return (
    <TableWrap label={caption ?? "Problems found"}>
      <table>
        {caption ? <caption style={{ textAlign: "left", padding: "0.5rem 0.75rem", fontWeight: 600 }}>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={index}>
              <td>{problem.row || "whole file"}</td>
              <td>{problem.column ? <code>{problem.column}</code> : "—"}</td>
              <td>{problem.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
