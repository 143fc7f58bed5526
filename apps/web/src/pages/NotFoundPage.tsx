import { ButtonLink } from "../components/Button";
import { Card } from "../components/Layout";
import { EmptyState } from "../components/States";

export function NotFoundPage() {
  return (
    <Card>
      <EmptyState icon="search" title="Page not found" action={<ButtonLink to="/">Go to the dashboard</ButtonLink>}>
        <h1 className="sr-only" tabIndex={-1}>
          Page not found
        </h1>
        The address may be mistyped, or the page has moved.
      </EmptyState>
    </Card>
  );
}
