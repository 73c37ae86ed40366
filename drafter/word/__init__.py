"""Word output: ``docx_writer`` lays a speech out to GB/T 9704."""
