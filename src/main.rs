fn main() {
    locallens::ui::mount()
}
