//! The UI's own words (headings, buttons, messages), in one table with both languages side by side, so that
//! a key cannot exist in one language only. Words that belong to a domain value (a method's name, a flag's
//! explanation) live beside that value as a `Tr` (see `domain::lang`); this table is for the rest.
//! `every_key_has_text_in_both_languages` checks each key; `tests/tidy.rs` checks none is dead.
use crate::domain::lang::{Lang, Tr};

macro_rules! keys {
    ($($key:ident => $th:literal, $en:literal;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key {
            $($key),*
        }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            pub fn text(self) -> Tr {
                match self {
                    $(Key::$key => Tr::new($th, $en)),*
                }
            }

            /// The key's name as written in code, for the tidy test.
            pub fn name(self) -> &'static str {
                match self {
                    $(Key::$key => stringify!($key)),*
                }
            }
        }
    };
}

keys! {
    Category => "ประเภทการจัดหา", "What is bought";
    ChartFailed => "วาดแผนภูมินี้ไม่ได้ ข้อมูลยังอยู่ในตารางด้านล่าง", "This chart could not be drawn; its data is still in the table below.";
    ErrorFileTitle => "โหลดไฟล์ไม่สำเร็จ", "Could not load the file";
    ProcessesFound => "โครงการที่ตรงกับตัวกรอง", "processes match the filters";
    IgnoredValue => "ไม่ใช้ค่าในลิงก์ที่ไม่รู้จัก", "Ignored filter value";
    FirstPage => "หน้าแรก", "First page";
    PreviousPage => "หน้าก่อน", "Previous page";
    NextPage => "หน้าถัดไป", "Next page";
    LastPage => "หน้าสุดท้าย", "Last page";
    SettingsErrorSyntax => "บรรทัดที่อ่านไม่ได้", "Unreadable line";
    SettingsErrorUnknownIndicator => "ไม่มีสัญญาณความเสี่ยงนี้", "No such risk signal";
    SettingsErrorUnknownSetting => "ไม่มีค่าตั้งนี้", "No such setting";
    SettingsErrorBadValue => "ค่านี้ใช้ไม่ได้ ต้องเป็น", "not usable; it must be";
    SettingsErrorNotASetting => "ต้องเขียนเป็น รหัส.ค่าตั้ง", "must be written CODE.setting";
    SettingDefault => "ค่าเริ่มต้น", "default";
    SettingFromData => "คำนวณจากข้อมูล:", "worked out from the data:";
    SettingEverything => "ค่าเริ่มต้น: ทุกรายการ", "default: all";
    NoSettings => "ไม่มีค่าตั้ง", "No settings";
    FlagNeeds => "ข้อมูลที่ต้องมี", "Data it needs";
    AppName => "ส่องท้องถิ่น", "LocalLens";
    Tagline => "ข้อมูลการจัดซื้อจัดจ้าง งบประมาณ และผลการประเมินขององค์กรปกครองส่วนท้องถิ่น", "Procurement, budgets and assessments of Thai local governments";
    SwitchLanguage => "English", "ภาษาไทย";
    Loading => "กำลังโหลดข้อมูล…", "Loading data…";
    DemoBanner => "ข้อมูลสาธิต: ตัวเลขการจัดซื้อจัดจ้าง งบประมาณ และผลการประเมินในหน้านี้สร้างขึ้นเพื่อการสาธิต ไม่ใช่ข้อมูลจริง", "Demonstration data: the procurement, budget and assessment figures on this page are synthetic, made for demonstration, not real.";
    Organisations => "องค์กรปกครองส่วนท้องถิ่น", "Local governments";
    OrgType => "ประเภท", "Type";
    Province => "จังหวัด", "Province";
    District => "อำเภอ", "District";
    Population => "ประชากร", "Population";
    OfficeLocation => "ที่ตั้งสำนักงาน (แผนที่ OpenStreetMap)", "Office location (OpenStreetMap)";
    Area => "พื้นที่", "Area";
    FiscalYear => "ปีงบประมาณ", "Fiscal year";
    BackToList => "← รายชื่อ อปท. ทั้งหมด", "← All local governments";
    Procurement => "การจัดซื้อจัดจ้าง", "Procurement";
    Processes => "โครงการ", "Processes";
    Title => "ชื่อโครงการ", "Title";
    Method => "วิธีจัดหา", "Method";
    ReferencePrice => "ราคากลาง", "Reference price";
    Budget => "งบประมาณ", "Budget";
    ContractValue => "มูลค่าสัญญา", "Contract value";
    Stage => "ขั้นตอน", "Stage";
    Total => "รวม", "Total";
    NoProcesses => "ไม่มีโครงการในปีงบประมาณนี้", "No processes in this fiscal year";
    ChartTable => "ตารางข้อมูลของแผนภูมิ", "The chart's data";
    ErrorCatalogTitle => "โหลดรายการข้อมูล (catalog.json) ไม่สำเร็จ", "Could not load the data catalog (catalog.json)";
    ErrorDatasetTitle => "โหลดชุดข้อมูลไม่สำเร็จ", "Could not load a dataset";
    ErrorNotFound => "ไม่พบไฟล์บนเว็บไซต์ (404) ผู้เผยแพร่ต้องวางไฟล์ไว้ในโฟลเดอร์ data ข้างไฟล์ index.html", "The file is not on the web site (404). The publisher must put it in the data folder beside index.html.";
    ErrorHttp => "เซิร์ฟเวอร์ตอบกลับด้วยรหัสข้อผิดพลาด", "The server answered with an error status";
    ErrorChecksum => "ไฟล์ไม่ตรงกับที่ผู้เผยแพร่ระบุ (ค่า SHA-256 ต่างกัน) จึงไม่นำมาแสดง", "The file is not the one its publisher listed (its SHA-256 differs), so it is not shown";
    ErrorNetwork => "เชื่อมต่อเครือข่ายไม่ได้", "The network could not be reached";
    ErrorNotCatalog => "ไฟล์นี้ไม่ใช่ catalog ที่ถูกต้อง", "This file is not a valid catalog";
    ErrorNotJson => "ไฟล์นี้ไม่ใช่ JSON ที่อ่านได้", "This file is not readable JSON";
    RejectedRecords => "ระเบียนที่ถูกปฏิเสธ", "Rejected records";
    UnknownOrganisation => "ไม่พบองค์กรนี้ในรายการ", "This organisation is not in the catalog";
    Source => "ที่มา", "Source";
    Baht => "บาท", "THB";
    DownloadCsv => "ดาวน์โหลด CSV", "Download CSV";
    PlacesWithFigure => "แห่งที่มีตัวเลข", "places with a figure";
    PlacesWithoutFigure => "แห่งไม่มีงบประมาณหรือตัวเลขประชากร จึงไม่นับรวม", "places had no budget or no population figure and are left out.";
    PerCapitaMethod => "งบประมาณต่อหัวของหลายแห่ง = ผลรวมงบประมาณ ÷ ผลรวมประชากร ของแห่งที่มีทั้งสองตัวเลข (ไม่ใช่ค่าเฉลี่ยของตัวเลขต่อหัว);", "Budget per person over several places is Σ budget ÷ Σ population over the places with both figures (not an average of per-person figures);";
    OverviewCaption => "ตัวเลขของแต่ละแห่ง", "Figures of each place,";
    OverviewScoresNote => "LPA, ITA และความครบถ้วนของข้อมูลของหลายแห่งเป็นค่าเฉลี่ยของแห่งที่มีผล สัญญาณความเสี่ยงเป็นสัญญาณให้ตรวจสอบ ไม่ใช่หลักฐานการทุจริต", "Over several places, LPA, ITA and data completeness are the mean over those with a result. Risk signals are prompts to look closer, not proof of wrongdoing.";
    ExpectedDatasets => "ชุดข้อมูลที่ควรมีทุกปี", "Datasets expected each year";
    FieldsCounted => "ช่องของแต่ละโครงการจัดซื้อจัดจ้างที่นับ", "Fields counted in each procurement process";
    HeadlineFigures => "ตัวเลขสำคัญ", "Headline figures,";
    BudgetAndProcurement => "งบประมาณกับการจัดซื้อจัดจ้าง", "Budget and procurement";
    InvestmentBudget => "งบลงทุนตามข้อบัญญัติ", "Investment budget in the ordinance";
    WorksProcured => "งานก่อสร้างที่จัดจ้างในปีนี้ (มูลค่าสัญญา)", "Works procured this year (contract value)";
    BudgetHasNoLineIds => "ข้อบัญญัตินี้ไม่มีรหัสรายการ จึงเชื่อมโยงโครงการจัดซื้อจัดจ้างกับรายการงบประมาณไม่ได้เลย:", "This ordinance gives its lines no ids, so no procurement can be linked to a budget line:";
    LinkedToLines => "โครงการที่ระบุรายการงบประมาณของข้อบัญญัตินี้", "Processes that name a line of this ordinance:";
    NotLinked => "เชื่อมโยงไม่ได้", "not linked:";
    ProcurementByBudgetLine => "การจัดซื้อจัดจ้างตามรายการงบประมาณ", "Procurement by budget line";
    BudgetLine => "รายการงบประมาณ (ด้าน › แผนงาน › งาน · งบ)", "Budget line (area › plan › task · category)";
    ContractedShare => "ทำสัญญาแล้ว (% ของงบ)", "Contracted (% of allocation)";
    IcicleCaption => "แต่ละแถบกว้างตามสัดส่วนของงบประมาณทั้งปี: ด้าน (บน) → แผนงาน → งาน (ล่าง) ตารางด้านล่างแสดงรายการเดียวกันครบทุกรายการ", "Each band is as wide as its share of the year's budget: area (top) → plan → task (bottom). The table below lists every one of them.";
    LinesDifferFromDeclared => "ผลรวมรายการไม่ตรงกับยอดรวมที่ข้อบัญญัติประกาศ ตัวเลขนี้คือผลรวมรายการ", "the lines do not add up to the total the ordinance declares; this is the lines' sum";
    CompletenessMethod => "วิธีคิดความครบถ้วนของข้อมูล", "How data completeness is scored";
    DownloadSvg => "ดาวน์โหลด SVG", "Download SVG";
    CheckData => "ตรวจสอบไฟล์ข้อมูล", "Check my data";
    CheckDataIntro => "ตรวจไฟล์ก่อนเผยแพร่: OCDS, แถวสัญญา e-GP, งบประมาณ, ผลการประเมิน หรือ catalog", "Check files before publishing: OCDS, e-GP contract rows, budgets, assessments or a catalog";
    CheckDataPrivacy => "ไฟล์ถูกตรวจในเบราว์เซอร์ของคุณเท่านั้น ไม่มีการส่งข้อมูลออกไปที่ใด", "Files are checked in your browser only; nothing is sent anywhere.";
    CheckDataDrop => "เลือกไฟล์หรือลากไฟล์มาวางที่นี่", "Choose files or drop them here";
    CheckDataUrl => "หรือใส่ URL ของไฟล์", "or give the file's URL";
    CheckDataRun => "ตรวจสอบ", "Check";
    Format => "รูปแบบ", "Format";
    RecordsRead => "อ่าน", "read";
    RecordsAccepted => "รับ", "accepted";
    RecordsRejected => "ปฏิเสธ", "rejected";
    Errors => "ข้อผิดพลาด", "Errors";
    Warnings => "คำเตือน", "Warnings";
    Severity => "ระดับ", "Severity";
    Path => "ตำแหน่ง", "Location";
    Message => "ข้อความ", "Message";
    NoIssues => "ไม่พบปัญหา", "No issues found";
    Explorer => "สำรวจข้อมูล", "Explore";
    RiskSignals => "สัญญาณความเสี่ยง", "Risk signals";
    NotProof => "สัญญาณความเสี่ยงไม่ใช่หลักฐานการกระทำผิด: เป็นจุดที่ควรตรวจสอบเพิ่มเติม และอาจมีเหตุผลที่ชอบธรรม", "A risk signal is not proof of wrongdoing: it points at something worth a second look, which may have an innocent explanation.";
    Methodology => "วิธีคำนวณสัญญาณความเสี่ยง", "How the risk signals are computed";
    NotEvaluableBecause => "ประเมินไม่ได้", "Not evaluable";
    NoBudget => "ไม่มีข้อมูลงบประมาณของหน่วยงานนี้ในแค็ตตาล็อก", "The catalog has no budget for this organisation";
    BudgetByArea => "งบประมาณรายจ่ายตามด้าน", "Expenditure budget by area (ด้าน)";
    ShareOfTotal => "ร้อยละของทั้งหมด", "share of total";
    BudgetArea => "ด้าน / แผนงาน / งาน", "Area / plan / task";
    Allocated => "งบประมาณที่ตั้งไว้", "Allocated";
    ShowBaht => "แสดงเป็นบาท", "Show baht";
    ShowShares => "แสดงเป็นร้อยละ", "Show shares";
    Revised => "หลังโอนและแก้ไข", "Revised";
    Disbursed => "เบิกจ่ายแล้ว", "Disbursed";
    PerCapita => "บาทต่อประชากรหนึ่งคน", "Baht per resident";
    ChangeFromYearBefore => "เปลี่ยนจากปีก่อน (บาท)", "Change from the year before (baht)";
    DeclaredTotalDiffers => "ยอดรวมที่พิมพ์ในข้อบัญญัติไม่เท่ากับผลรวมของรายการ ยอดที่พิมพ์คือ", "The total printed in the ordinance differs from the sum of its lines; it prints";
    Lines => "รายการ", "lines";
    BudgetHierarchy => "งบประมาณรายจ่ายตามด้าน แผนงาน และงาน", "Expenditure by area, plan and task";
    BudgetByCategory => "งบประมาณรายจ่ายตามงบ", "Expenditure by budget category (งบ)";
    BudgetCategory => "งบ", "Category";
    Revenue => "ประมาณการรายรับ", "Estimated revenue";
    RevenueType => "ประเภทรายรับ", "Type of revenue";
    Estimated => "ประมาณการ", "Estimated";
    Actual => "รับจริง", "Actual";
    Assessment => "ผลการประเมิน", "Assessment";
    NoAssessment => "ไม่มีผลการประเมิน LPA หรือ ITA ของหน่วยงานนี้ในแค็ตตาล็อก (ยังไม่พบแหล่งข้อมูลจริงรายหน่วยงาน)", "The catalog has no LPA or ITA result for this organisation (no real per-organisation source is known)";
    LpaTitle => "การประเมินประสิทธิภาพขององค์กรปกครองส่วนท้องถิ่น (LPA) รายปี", "Local Performance Assessment (LPA) by year";
    LpaAreas => "คะแนน LPA รายด้าน", "LPA by area";
    LpaArea => "ด้านที่ประเมิน", "Area assessed";
    Score => "คะแนน", "Score";
    PassOrFail => "ผ่านเกณฑ์", "Passed";
    Passed => "ผ่าน", "passed";
    Failed => "ไม่ผ่าน", "failed";
    RankTypeProvince => "อันดับในประเภทเดียวกัน จังหวัดเดียวกัน", "Rank: same type, same province";
    RankType => "อันดับในประเภทเดียวกัน ทั้งแค็ตตาล็อก", "Rank: same type, whole catalog";
    RankAll => "อันดับในแค็ตตาล็อก", "Rank: whole catalog";
    Points => "คะแนนที่ได้", "Points";
    Maximum => "คะแนนเต็ม", "Maximum";
    ItaTitle => "การประเมินคุณธรรมและความโปร่งใส (ITA) รายปี", "Integrity and Transparency Assessment (ITA) by year";
    Grade => "ระดับ", "Grade";
    WhereToTurn => "ร้องเรียนและมีส่วนร่วม", "Complain or take part";
    ComplaintChannels => "ช่องทางร้องเรียน", "Where to complain";
    ParticipationCentre => "ศูนย์ส่งเสริมการมีส่วนร่วมของประชาชน", "Public participation centre";
    NoParticipationCentre => "แค็ตตาล็อกไม่มีข้อมูลติดต่อศูนย์ส่งเสริมการมีส่วนร่วมของหน่วยงานนี้", "The catalog has no contact for this organisation's participation centre";
    WhatYouCanDo => "เห็นรายการที่น่าสงสัย? จดเลขโครงการ คัดลอกลิงก์ของหน้านี้ แล้วแจ้งช่องทางข้างต้น สัญญาณความเสี่ยงเป็นเหตุให้ถาม ไม่ใช่หลักฐานการกระทำผิด", "Seen something that worries you? Note the project number, copy this page's link and report it to a channel above. A risk signal is a reason to ask, not proof of wrongdoing.";
    Call => "โทร", "call";
    FlagsFetching => "กำลังโหลดข้อมูลฉบับเต็มเพื่อคำนวณสัญญาณตามค่าที่ตั้งไว้", "Fetching the full records to compute the signals with your settings";
    FlagsUnavailable => "ไม่ได้โหลดสัญญาณความเสี่ยงที่คำนวณไว้ จึงไม่แสดงสัญญาณใด (ไม่ได้แปลว่าไม่มีความเสี่ยง)", "The published risk signals did not load, so none are shown (which does not mean there are none)";
    FlagsPublished => "คำนวณเมื่อเผยแพร่ข้อมูล จากทุกกระบวนการของปีงบประมาณ ด้วยค่าตั้งต้น", "Computed when the data was published, over every process of the fiscal year, with the default settings";
    FlagsInBrowser => "คำนวณในเบราว์เซอร์จากข้อมูลที่โหลด", "Computed in your browser over the data loaded";
    FlagsInBrowserOneOrg => "คำนวณในเบราว์เซอร์จากข้อมูลของหน่วยงานนี้เท่านั้น การเทียบกับหน่วยงานอื่นในปีเดียวกันจึงไม่ครบ", "Computed in your browser over this organisation's data only, so comparisons with other organisations of the year are incomplete";
    NotEvaluable => "ประเมินไม่ได้เพราะข้อมูลไม่ครบ", "Could not be evaluated for missing data";
    Evaluated => "ประเมินแล้ว", "Evaluated";
    OnlyFlagged => "แสดงเฉพาะโครงการที่มีสัญญาณความเสี่ยง", "Show only processes with risk signals";
    ShowAll => "แสดงทุกโครงการ", "Show all processes";
    WithSignals => "โครงการที่มีสัญญาณความเสี่ยง", "Processes with risk signals";
    Measures => "วัดอะไร", "What it measures";
    Formula => "สูตร", "Formula";
    SettingsLabel => "ค่าที่ตั้งได้ (ค่าเริ่มต้น)", "Settings (defaults)";
    WhyInnocent => "อาจเป็นเรื่องปกติเพราะ", "Why it may be innocent";
    Apply => "ใช้ค่านี้", "Apply";
    ResetSettings => "กลับไปใช้ค่าเริ่มต้น", "Reset to defaults";
    SettingsInvalid => "ค่าที่ตั้งไม่ถูกต้อง", "Invalid setting";
    BuyerSignals => "สัญญาณระดับหน่วยงาน", "Signals about the buyer";
    Bidders => "ผู้เสนอราคา (ราย)", "Bidders";
    AwardedSuppliers => "ผู้ได้รับงาน (ราย)", "Awarded suppliers";
    TopSuppliers => "ผู้ขายที่ได้มูลค่าสัญญาสูงสุด", "Top suppliers by contract value";
    TopSuppliersNote => "โครงการที่มีผู้ขายหลายรายนับมูลค่าทั้งหมดให้แต่ละราย", "A process with several suppliers counts its full value for each";
    Search => "ค้นหา", "Search";
    SearchPlaceholder => "ชื่อโครงการ สินค้า ผู้ขาย หรือเลขประจำตัวผู้เสียภาษี", "title, item, supplier or tax id";
    ClearFilters => "ล้างตัวกรอง", "Clear filters";
    Buyer => "หน่วยงานผู้ซื้อ", "Buyer";
    Supplier => "ผู้ขาย/ผู้รับจ้าง", "Supplier";
    Bids => "การเสนอราคา", "Bids";
    Bidder => "ผู้เสนอราคา", "Bidder";
    Price => "ราคา", "Price";
    Status => "สถานะ", "Status";
    Lowest => "ต่ำสุด", "lowest";
    Winner => "ผู้ชนะ", "winner";
    MissingStage => "ไม่มีข้อมูลขั้นตอนนี้ที่เผยแพร่", "No data published for this stage";
    Period => "ระยะเวลา", "Period";
    Documents => "เอกสาร", "Documents";
    Payments => "การเบิกจ่าย", "Payments";
    Milestones => "การส่งมอบ/งวดงาน", "Milestones";
    Amendments => "การแก้ไขสัญญา", "Amendments";
    History => "ประวัติการเผยแพร่", "Release history";
    VsReference => "มูลค่าสัญญาเทียบราคากลาง", "Contract vs reference price";
    VsBudget => "ราคากลางเทียบงบประมาณ", "Reference price vs budget";
    DateSigned => "วันที่ลงนาม", "Date signed";
    NumberOfTenderers => "จำนวนผู้เสนอราคา", "Number of tenderers";
    ProcessNotFound => "ไม่พบโครงการนี้ในข้อมูลที่โหลด", "This process is not in the loaded data";
    TaxId => "เลขประจำตัวผู้เสียภาษี", "Tax id";
    TaxIdValid => "เลขตรวจสอบถูกต้อง", "check digit valid";
    TaxIdInvalid => "เลขตรวจสอบไม่ถูกต้อง", "check digit invalid";
    ContractsWon => "งานที่ได้รับ", "Contracts won";
    ShareOfBuyer => "สัดส่วนในมูลค่าสัญญาของหน่วยงาน", "Share of the buyer's contract value";
    BackToBuyer => "← กลับไปหน้าหน่วยงาน", "← Back to the buyer";
    Date => "วันที่", "Date";
    SupplierNotFound => "ไม่พบผู้ขายนี้ในข้อมูลที่โหลด", "This supplier is not in the loaded data";
    Value => "มูลค่า", "Value";
    Items => "รายการ", "Items";
    ProcessSignals => "สัญญาณความเสี่ยงของโครงการนี้", "Risk signals of this process";
    NoSignals => "ไม่พบสัญญาณความเสี่ยง", "No risk signals";
    SupplierSignals => "สัญญาณความเสี่ยงของผู้ขาย", "Risk signals about this supplier";
    LoadingDatasets => "กำลังโหลดชุดข้อมูล", "Loading datasets";
    StopLoading => "หยุดโหลด (ใช้ข้อมูลที่โหลดแล้ว)", "Stop loading (use what has arrived)";
    LoadStopped => "หยุดโหลดตามที่สั่ง: แสดงเฉพาะข้อมูลที่โหลดแล้ว ตัวเลขรวมจึงไม่ครบ · ไฟล์", "Loading was stopped: only what arrived is shown, so totals are partial · files";
    NotStated => "ไม่ระบุ", "not stated";
    Amount => "วงเงิน (บาท)", "Amount (baht)";
    AmountMin => "ตั้งแต่", "from";
    AmountMax => "ถึง", "to";
    AmountInvalid => "กรุณาใส่จำนวนเงินเป็นตัวเลข เช่น 500000 หรือ 1,250,000.50", "Enter amounts as numbers, e.g. 500000 or 1,250,000.50";
    Filters => "ตัวกรอง", "Filters";
    YearFrom => "ตั้งแต่ปี", "from";
    YearTo => "ถึงปี", "to";
    Buyers => "หน่วยงานผู้ซื้อ", "Buyers";
    WithFigure => "มีตัวเลขนี้", "with this figure:";
    NoData => "ไม่มีข้อมูล", "no data";
    MethodShares => "สัดส่วนตามวิธีจัดหา ทั้งจำนวนโครงการและมูลค่าสัญญา", "Share by procurement method, by count and by value";
    ShareByCount => "% ของจำนวน", "% of count";
    ShareByValue => "% ของมูลค่า", "% of value";
    Pages => "หน้าของตาราง", "Table pages";
    Showing => "แสดง", "Showing";
    Of => "จาก", "of";
    PageSize => "แถวต่อหน้า", "Rows per page";
    PriceToReference => "มูลค่าสัญญา/ราคากลาง", "Contract ÷ reference price";
    TotalFiltered => "รวมทุกโครงการที่ตรงกับตัวกรอง", "Total of every process that matches the filters";
    ChartYearsTitle => "มูลค่าสัญญาตามปีงบประมาณ แยกตามวิธีจัดหา", "Contract value by fiscal year and procurement method";
    ChartMonthlyTitle => "มูลค่าสัญญารายเดือน (ตามวันลงนามสัญญา) ปีงบประมาณ", "Contract value by month signed, fiscal year";
    Month => "เดือน", "Month";
    MonthlyUndated => "มูลค่าสัญญาที่ไม่มีวันลงนามหรือวันประกาศผล", "Contract value with no signing or award date";
    MonthlyOtherYears => "ลงนามในปีงบประมาณอื่น", "signed in other fiscal years";
    ChartRatioTitle => "มูลค่าสัญญาเทียบกับราคากลาง", "Contract value as a share of the reference price";
    RatioNote => "ราคาที่ใกล้ 100% ของราคากลางมากอาจหมายถึงการแข่งขันน้อย เป็นสัญญาณให้ตรวจสอบ ไม่ใช่หลักฐานการทุจริต", "Prices very close to 100% of the reference price can mean little competition: a signal to look further, not proof of wrongdoing.";
    WithoutRatio => "โครงการที่ยังไม่มีมูลค่าสัญญาหรือราคากลาง:", "processes without a contract value or reference price:";
    DownloadPng => "ดาวน์โหลด PNG", "Download PNG";
    PercentOfReference => "% ของราคากลาง", "% of reference price";
    SupplierInExplorer => "ดูทุกโครงการที่ผู้ขายรายนี้ได้รับในหน้าสำรวจ พร้อมตัวกรองและ CSV →", "See every process this supplier won in the explorer, with filters and CSV →";
    CsvColumns => "คอลัมน์ในไฟล์ CSV (UTF-8 มี BOM เปิดใน Excel ได้ทันที; ชื่อไฟล์บอกแหล่งข้อมูลและวันที่เผยแพร่)", "Columns of the CSV (UTF-8 with a BOM, opens in Excel; the file name gives the source and publication date)";
    Changed => "ข้อมูลที่เพิ่ม แก้ไข หรือลบในรุ่นนี้", "added, changed or removed in this release";
    MapTitle => "แผนที่", "Map";
    MapMeasure => "ระบายสีตาม", "Colour by";
    MapLegend => "คำอธิบายสี (ช่วงของแต่ละสี)", "Legend (each colour's range)";
    MapHint => "เลือกพื้นที่บนแผนที่ (คลิก หรือ Tab แล้ว Enter) เพื่อกรองภาพรวมและการจัดซื้อจัดจ้างให้เหลือพื้นที่นั้น", "Choose a place on the map (click, or Tab then Enter) to filter the overview and the procurement to it.";
    MapTable => "ตารางข้อมูลของแผนที่", "The map's data as a table";
    MapPlace => "พื้นที่", "Place";
    MapClass => "ช่วงสี", "Colour range";
    MapOffices => "จุด: ที่ตั้งสำนักงาน อปท. ที่ทะเบียนระบุ", "Dots: offices of the local governments whose location the registry gives";
    MapOfficesOutside => "ที่ตั้งตามทะเบียนอยู่นอกจังหวัด จึงไม่ได้วาด:", "Offices not drawn because the registry places them outside the province:";
    MapUnavailable => "โหลดขอบเขตพื้นที่ของแผนที่ไม่ได้ ตารางด้านล่างยังแสดงข้อมูลครบ", "The map's boundaries could not be loaded; the table below still has every figure.";
    MapWholeCountry => "ทั้งประเทศ", "Whole country";
    CompareEmpty => "ยังไม่ได้เลือก อปท. เพื่อเปรียบเทียบ: เปิดหน้าของ อปท. หรือภาพรวมรายจังหวัด แล้วกด \"เพิ่มเข้าเปรียบเทียบ\"", "No local government chosen yet: open one's page or the overview by province and press \"Add to compare\".";
    CompareUnknown => "รหัสที่แค็ตตาล็อกไม่รู้จัก จึงไม่ได้เปรียบเทียบ:", "Codes the catalog does not know, left out:";
    CompareRemove => "นำออกจากการเปรียบเทียบ:", "Remove from the comparison:";
    CompareBase => "ฐานของ Δ", "base of Δ";
    CompareMeasure => "ตัวชี้วัด", "Measure";
    CompareCaption => "เปรียบเทียบ อปท. ปีงบประมาณ", "Local governments compared, fiscal years";
    CompareMethod => "Δ และ Δ% เทียบกับ อปท. แรก จำนวนเงินรวมทุกปีที่มีตัวเลข ต่อคนคือต่อคนต่อปี (ผลรวม ÷ ประชากร × จำนวนปีที่มีตัวเลข) สัดส่วนคิดจากผลรวม คะแนนเป็นค่าเฉลี่ยของปีที่มีผล ไม่มีข้อมูลไม่ใช่ 0 สัญญาณความเสี่ยงไม่ใช่หลักฐานการทุจริต", "Δ and Δ% are against the first. Amounts are summed over the years with a figure; per person is per person per year (the sum ÷ population × those years); shares are taken over the sums; scores are the mean of the years with one. No data is not 0. Risk signals are prompts to look closer, not proof of wrongdoing.";
    CompareCharts => "แผนภูมิของแต่ละตัวชี้วัด", "A chart of each measure";
    CompareByArea => "งบประมาณรายจ่ายตามด้าน", "Budget by area (ด้าน)";
    CompareByCategory => "งบประมาณรายจ่ายตามงบ", "Budget by category (งบ)";
    ComparePeers => "อปท. ที่เทียบกันได้", "Peers to compare with";
    ComparePeersRule => "ประเภทเดียวกับ อปท. แรก ในจังหวัดเดียวกันก่อน แล้วเรียงตามจำนวนประชากรที่ใกล้เคียงที่สุด", "The same type as the first, in the same province first, then by the nearest population.";
    CompareFull => "เปรียบเทียบได้ครั้งละไม่เกิน 5 แห่ง", "At most 5 can be compared at once.";
    ChartYearOverYearTitle => "มูลค่าสัญญารายเดือน เทียบแต่ละปีงบประมาณ (ตามวันลงนาม)", "Contract value by month, fiscal year over fiscal year (by signing date)";
    AcrossBuyersTitle => "ผู้ขายที่ได้งานจาก อปท. หลายแห่ง", "Suppliers winning from many local governments";
    AcrossBuyersNote => "เรียงตามจำนวน อปท. ที่ซื้อจากผู้ขายรายนั้นในรายการที่เลือก โครงการที่มีผู้ชนะหลายรายนับมูลค่าเต็มให้ทุกราย การได้งานจากหลายแห่งไม่ใช่ความผิด", "Ranked by how many local governments in the selection bought from each. A process with several winners counts its whole value for each. Winning from many buyers is not wrongdoing.";
    AcrossBuyersNone => "ไม่มีผู้ขายที่ได้งานจาก อปท. มากกว่าหนึ่งแห่งในรายการที่เลือก", "No supplier wins from more than one local government in the selection.";
    BuyerCount => "จำนวน อปท. ผู้ซื้อ", "Number of buyers";
    ShareOfSelection => "สัดส่วนของมูลค่าทั้งหมด", "Share of the selection's value";
    SuppliersElsewhereTitle => "ผู้ขายของหน่วยงานนี้ ได้งานจากที่อื่นด้วยหรือไม่", "Its suppliers: do they win elsewhere too?";
    SuppliersElsewhereAsk => "ต้องโหลดข้อมูลการจัดซื้อจัดจ้างของทั้งจังหวัดก่อน", "This needs the procurement of the whole province to be loaded.";
    SuppliersElsewhereLoad => "โหลดข้อมูลทั้งจังหวัดและแสดง", "Load the province and show";
    SuppliersAlsoElsewhere => "ผู้ขายที่ได้งานจาก อปท. อื่นในจังหวัดด้วย:", "Suppliers that also win from other local governments of the province:";
    OtherBuyers => "อปท. อื่นที่ซื้อ", "Other buyers";
    ValueElsewhere => "มูลค่าที่ได้จากที่อื่น", "Value won elsewhere";
    AddToCompare => "เพิ่มเข้าเปรียบเทียบ", "Add to compare";
    CopyEmbedCode => "คัดลอกโค้ดฝัง (embed)", "Copy embed code";
    EmbedCodeCopied => "โค้ด <iframe> สำหรับวางในบทความ (คัดลอกแล้ว หากเบราว์เซอร์อนุญาต):", "The <iframe> code to paste into an article (copied, if the browser allowed it):";
    PublishedOn => "เผยแพร่ล่าสุด", "last published";
    ViewLiveData => "ดูข้อมูลล่าสุดฉบับเต็ม", "View live data";
}

pub fn t(lang: Lang, key: Key) -> &'static str {
    key.text().get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts that read the same in both languages on purpose.
    const SAME_IN_BOTH: &[Key] = &[];

    #[test]
    fn every_key_has_text_in_both_languages() {
        for &key in Key::ALL {
            let text = key.text();
            assert!(!text.th.trim().is_empty() && !text.en.trim().is_empty(), "{key:?} is empty in a language");
            if !SAME_IN_BOTH.contains(&key) {
                assert_ne!(text.th, text.en, "{key:?} is not translated");
            }
            // Thai text is Thai: a key whose Thai side has no Thai letter is probably English left in. The link
            // to the other language is written in that language.
            let thai = text.th.chars().any(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c));
            assert!(thai || key == Key::SwitchLanguage, "{key:?}: {:?} has no Thai", text.th);
        }
    }
}
