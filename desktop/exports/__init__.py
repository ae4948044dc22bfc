"""Documents out (minutes DOCX, attendance XLSX); no Qt."""
