//! The columns of data.go.th's e-GP contract data, by their Thai headers as published. Two shapes exist: the
//! 18 columns most rows have, and the portal's full set (with `_id`, ราคากลาง, location and English names).

crate::coded_enum! {
    /// A column, by its Thai header (its code here is the header with spaces removed).
    pub enum Column {
        Id = "_id" => ("_id", "datastore row id"),
        Seq = "ลำดับ" => ("ลำดับ", "row number"),
        ProjectId = "รหัสโครงการ" => ("รหัสโครงการ", "project id"),
        ProjectName = "ชื่อโครงการ" => ("ชื่อโครงการ", "project name"),
        ProjectType = "ชื่อประเภทโครงการ" => ("ชื่อประเภทโครงการ", "project type"),
        Agency = "ชื่อหน่วยงาน" => ("ชื่อหน่วยงาน", "agency"),
        SubAgency = "ชื่อหน่วยงานย่อย" => ("ชื่อหน่วยงานย่อย", "sub-agency"),
        Method = "วิธีจัดซื้อฯ" => ("วิธีจัดซื้อฯ", "method"),
        MethodGroup = "กลุ่มวิธีจัดซื้อฯ" => ("กลุ่มวิธีจัดซื้อฯ", "method group"),
        Announced = "วันที่ประกาศ" => ("วันที่ประกาศ", "announcement date"),
        Budget = "งบประมาณ(บาท)" => ("งบประมาณ(บาท)", "budget (baht)"),
        ReferencePrice = "ราคากลาง(บาท)" => ("ราคากลาง(บาท)", "reference price (baht)"),
        Price = "ราคาตกลงซื้อ/จ้าง" => ("ราคาตกลงซื้อ/จ้าง", "agreed price"),
        FiscalYear = "ปีงบประมาณ" => ("ปีงบประมาณ", "fiscal year"),
        Transaction = "วันที่เกิดรายการ" => ("วันที่เกิดรายการ", "transaction date"),
        Province = "จังหวัด" => ("จังหวัด", "province"),
        ProvinceEn = "จังหวัด(Eng)" => ("จังหวัด(Eng)", "province (English)"),
        District = "เขต/อำเภอ" => ("เขต/อำเภอ", "district"),
        DistrictEn = "เขต/อำเภอ(Eng)" => ("เขต/อำเภอ(Eng)", "district (English)"),
        Subdistrict = "แขวง/ตำบล" => ("แขวง/ตำบล", "subdistrict"),
        SubdistrictEn = "แขวง/ตำบล(Eng)" => ("แขวง/ตำบล(Eng)", "subdistrict (English)"),
        ProjectStatus = "สถานะโครงการ" => ("สถานะโครงการ", "project status"),
        Location = "พิกัดของโครงการ" => ("พิกัดของโครงการ", "location"),
        Latitude = "ละติจูดโครงการ" => ("ละติจูดโครงการ", "latitude"),
        Longitude = "ลองจิจูดโครงการ" => ("ลองจิจูดโครงการ", "longitude"),
        TaxId = "เลขนิติบุคคล" => ("เลขนิติบุคคล", "winner's tax id"),
        Winner = "ชื่อผู้ชนะ" => ("ชื่อผู้ชนะ", "winner"),
        ContractNo = "เลขที่สัญญา" => ("เลขที่สัญญา", "contract number"),
        Signed = "วันที่ลงนามสัญญา" => ("วันที่ลงนามสัญญา", "contract signed"),
        End = "วันที่สิ้นสุดสัญญา" => ("วันที่สิ้นสุดสัญญา", "contract ends"),
        ContractBudget = "งบสัญญา(บาท)" => ("งบสัญญา(บาท)", "contract amount (baht)"),
        ContractStatus = "สถานะสัญญา" => ("สถานะสัญญา", "contract status"),
    }
}

impl Column {
    /// The column a header names: spaces do not count (the portal writes both `จังหวัด(Eng)` and
    /// `จังหวัด (Eng)`), nor a byte-order mark left on the first header.
    pub fn of_header(header: &str) -> Option<Column> {
        use crate::domain::codes::Code;
        let header = header.trim_start_matches('\u{FEFF}');
        // Headers are read for every value of every row: only one with spaces in it is copied.
        if !header.chars().any(char::is_whitespace) {
            return Column::from_code(header);
        }
        let key: String = header.chars().filter(|c| !c.is_whitespace()).collect();
        Column::from_code(&key)
    }

    /// The English-name columns of the full shape. In shifted rows their values are missing altogether, and
    /// every value after the province sits one, two or three places early.
    pub fn is_english(self) -> bool {
        matches!(self, Column::ProvinceEn | Column::DistrictEn | Column::SubdistrictEn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::codes::Code;

    #[test]
    fn headers_are_read_with_or_without_spaces() {
        assert_eq!(Column::of_header("จังหวัด (Eng)"), Some(Column::ProvinceEn));
        assert_eq!(Column::of_header("จังหวัด(Eng)"), Some(Column::ProvinceEn));
        assert_eq!(Column::of_header("\u{FEFF}รหัสโครงการ"), Some(Column::ProjectId));
        assert_eq!(Column::of_header("งบประมาณ(บาท)"), Some(Column::Budget));
        assert_eq!(Column::of_header("คอลัมน์ใหม่"), None);
        assert_eq!(Column::ALL.len(), 32);
    }
}
