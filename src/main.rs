fn main() {
    println!("rdiff");
}
