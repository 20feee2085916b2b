-- What every record of this list shares: the procedure (Đăng ký khai sinh in the national
-- catalogue) and the office that registers births in the ward. Edit to match the ward.
return {
  procedure_code = "1.001193",
  procedure_name = "Đăng ký khai sinh",
  field = "Hộ tịch",
  department = "Văn phòng HĐND và UBND",
}
