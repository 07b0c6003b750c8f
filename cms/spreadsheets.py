"""Cells of files meant for spreadsheets: a text that would start a formula is neutralised."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A cell a spreadsheet shows as text: one that would start a formula (=, +, -, @, tab,
    CR; OWASP "CSV injection") gets a leading apostrophe. Numbers and dates stay as they are."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class NeutralisedCsvExportMixin:
    """For Wagtail's listing export (``?export=csv``): every text cell neutralised."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
